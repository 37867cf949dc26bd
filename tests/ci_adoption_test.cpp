// The command line as a CI pipeline or a pre-commit hook uses it: failing on
// warnings, baselines, inherited configs, per-file ignores, standard input
// named for config lookup, and the inspection switches.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

namespace {

const std::string kClean = test::kOneRiskTracker;

// One warning (MR106, value case), no error.
std::string warning_only() {
  std::string t = kClean;
  t.replace(t.find("| High   |"), 10, "| high   |");
  return t;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST(MaxWarnings, FailsOnWarningsFromTheCommandLineOrTheConfig) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/warn.md", warning_only());
  test::write_file(dir + "/clean.md", kClean);
  EXPECT_EQ(test::run_mdrisk({"--no-config", "warn.md"}, "", dir).exit_code, 0);  // warnings alone pass
  const auto strict = test::run_mdrisk({"--no-config", "--max-warnings", "0", "warn.md"}, "", dir);
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("1 warning (more than --max-warnings 0)"), std::string::npos) << strict.err;
  EXPECT_EQ(test::run_mdrisk({"--no-config", "--max-warnings", "1", "warn.md"}, "", dir).exit_code, 0);
  EXPECT_EQ(test::run_mdrisk({"--no-config", "--max-warnings", "0", "clean.md"}, "", dir).exit_code, 0);
  EXPECT_EQ(test::run_mdrisk({"--max-warnings", "-1", "warn.md"}, "", dir).exit_code, 2);

  test::write_file(dir + "/.mdrisk.toml", "[rules]\nmax-warnings = 0\n");
  EXPECT_EQ(test::run_mdrisk({"warn.md"}, "", dir).exit_code, 1);
  EXPECT_EQ(test::run_mdrisk({"clean.md"}, "", dir).exit_code, 0);
  EXPECT_EQ(test::run_mdrisk({"--max-warnings", "5", "warn.md"}, "", dir).exit_code, 0);  // the command line wins
  test::write_file(dir + "/.mdrisk.toml", "[rules]\nmax-warnings = -2\n");
  const auto bad = test::run_mdrisk({"warn.md"}, "", dir);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find(".mdrisk.toml: line 2: 'max-warnings' must be a whole number"), std::string::npos) << bad.err;
}

TEST(Baseline, HidesKnownFindingsEvenWhenTheyMoveAndReportsNewOnes) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/docs");
  const std::string seed = test::read_file(std::string(MDRISK_FIXTURES_DIR) + "/seed/risk-mitigation.md");
  test::write_file(dir + "/docs/risks.md", seed);
  const auto before = test::run_mdrisk({"--no-config", "--format", "concise", "docs/risks.md"}, "", dir);
  ASSERT_EQ(before.exit_code, 1);
  const std::size_t findings = count(before.out, "\ndocs/risks.md:") + (before.out.starts_with("docs/risks.md:") ? 1 : 0);
  ASSERT_GT(findings, 10u);

  const auto wrote = test::run_mdrisk({"--no-config", "--write-baseline", "ci/baseline.json", "docs/risks.md"}, "", dir);
  EXPECT_EQ(wrote.exit_code, 2);  // the folder ci/ does not exist: cannot write
  fs::create_directories(dir + "/ci");
  const auto ok = test::run_mdrisk({"--no-config", "--write-baseline", "ci/baseline.json", "docs/risks.md"}, "", dir);
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.err, "mdrisk: ci/baseline.json: wrote " + std::to_string(findings) + " findings\n");
  const std::string baseline = test::read_file(dir + "/ci/baseline.json");
  EXPECT_EQ(count(baseline, "\"fingerprint\""), findings);
  EXPECT_NE(baseline.find("\"file\": \"../docs/risks.md\""), std::string::npos);  // relative to the baseline

  const auto quiet = test::run_mdrisk({"--no-config", "--baseline", "ci/baseline.json", "--format", "concise", "docs/risks.md"}, "", dir);
  EXPECT_EQ(quiet.exit_code, 0) << quiet.out;
  EXPECT_EQ(quiet.out, "All checks passed (1 file).\n");
  // From another working directory the paths still match.
  EXPECT_EQ(test::run_mdrisk({"--no-config", "--baseline", "../ci/baseline.json", "risks.md"}, "", dir + "/docs").exit_code, 0);

  // Lines inserted above every finding: still baselined.
  std::string moved = seed;
  moved.insert(moved.find("## Summary Table"), "Some notes.\n\nMore notes.\n\n");
  test::write_file(dir + "/docs/risks.md", moved);
  const auto after_move = test::run_mdrisk({"--no-config", "--baseline", "ci/baseline.json", "--format", "concise", "docs/risks.md"}, "", dir);
  EXPECT_EQ(after_move.out, "All checks passed (1 file).\n");  // MR203's messages name a line: still the same findings

  // One new problem: exactly that one is reported.
  std::string added = moved;
  // (on a row that has no finding yet: editing a line gives its findings a
  // new fingerprint, as the text they are about changed)
  const std::string row = "| Rust submodule divergence | High |";
  const std::size_t cell = added.find(row);
  ASSERT_NE(cell, std::string::npos);
  added.replace(cell, row.size(), "| Rust submodule divergence | Hihg |");
  test::write_file(dir + "/docs/risks.md", added);
  const auto after_add = test::run_mdrisk({"--no-config", "--baseline", "ci/baseline.json", "--format", "concise", "docs/risks.md"}, "", dir);
  EXPECT_EQ(after_add.exit_code, 1);
  EXPECT_EQ(count(after_add.out, "[MR"), 1u) << after_add.out;
  EXPECT_NE(after_add.out.find("'Hihg' is not a valid Impact"), std::string::npos) << after_add.out;

  test::write_file(dir + "/ci/bad.json", "{\"findings\": 3}");
  const auto bad = test::run_mdrisk({"--no-config", "--baseline", "ci/bad.json", "docs/risks.md"}, "", dir);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err.find("mdrisk: ci/bad.json: not a baseline"), 0u) << bad.err;
}

TEST(ConfigExtend, InheritsMergesTablesAndReportsOrigins) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/.git");
  fs::create_directories(dir + "/team");
  test::write_file(dir + "/.mdrisk.toml",
                   "[rules]\nignore = [\"MR4\"]\nseverity = { MR106 = \"error\" }\n\n[tracker]\nplaceholders = [\"TODO\"]\n");
  test::write_file(dir + "/team/.mdrisk.toml",
                   "extend = \"../.mdrisk.toml\"\n\n[rules]\nseverity = { MR302 = \"error\" }\n");
  test::write_file(dir + "/team/warn.md", warning_only());
  // MR106 became an error through the parent's severity table, merged with the child's.
  const auto r = test::run_mdrisk({"--format", "concise", "team/warn.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("error: 'high' should be written 'High' [MR106]"), std::string::npos) << r.out;

  const auto s = test::run_mdrisk({"--show-settings", "team/warn.md"}, "", dir);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const std::string root = fs::canonical(dir).string();
  const std::string parent = root + "/team/../.mdrisk.toml";
  EXPECT_NE(s.out.find("# config: " + root + "/team/.mdrisk.toml (the nearest .mdrisk.toml above team)\n"
                       "# extends: " + root + "/.mdrisk.toml\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("\nrules.ignore = [ \"MR4\" ]  # " + parent + ":2\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("\nrules.severity.MR106 = \"error\"  # " + parent + ":3\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("\nrules.severity.MR302 = \"error\"  # " + root + "/team/.mdrisk.toml:4\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("\ntracker.table-heading = \"Summary Table\"  # built-in default\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("\ntracker.placeholders = [ \"TODO\" ]  # " + parent + ":6\n"), std::string::npos) << s.out;

  // An error in the parent names the parent; a cycle is an error, not a hang.
  test::write_file(dir + "/.mdrisk.toml", "[rules]\nbogus = 1\n");
  const auto e = test::run_mdrisk({"warn.md"}, "", dir + "/team");
  EXPECT_EQ(e.exit_code, 2);
  EXPECT_EQ(e.err, "mdrisk: " + root + "/team/.mdrisk.toml: " + parent + ": line 2: unknown key 'bogus' in [rules]\n");
  test::write_file(dir + "/.mdrisk.toml", "extend = \"team/.mdrisk.toml\"\n");
  const auto c = test::run_mdrisk({"team/warn.md"}, "", dir);
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.err.find("(a cycle)"), std::string::npos) << c.err;
}

TEST(PerFileIgnores, SkipRulesInMatchingFilesOnly) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/.git");
  fs::create_directories(dir + "/archive");
  test::write_file(dir + "/.mdrisk.toml",
                   "[rules]\nseverity = { ALL = \"error\", MR1 = \"warning\" }\n"
                   "per-file-ignores = { \"archive/**\" = [\"MR1\"], \"legacy.md\" = [\"ALL\"] }\n");
  test::write_file(dir + "/archive/old.md", warning_only());
  test::write_file(dir + "/new.md", warning_only());
  test::write_file(dir + "/legacy.md", "# nothing like a tracker\n");
  EXPECT_EQ(test::run_mdrisk({"--format", "concise", "archive/old.md"}, "", dir).out, "All checks passed (1 file).\n");
  const auto fresh = test::run_mdrisk({"--format", "concise", "new.md"}, "", dir);
  // MR1 = warning beats ALL = error: the longer prefix wins.
  EXPECT_NE(fresh.out.find("warning: 'high' should be written 'High' [MR106]"), std::string::npos) << fresh.out;
  EXPECT_EQ(fresh.exit_code, 0);
  EXPECT_EQ(test::run_mdrisk({"--format", "concise", "legacy.md"}, "", dir).exit_code, 0);
}

TEST(StdinFilename, DrivesConfigLookupAndForceExclude) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/.git");
  fs::create_directories(dir + "/sub");
  test::write_file(dir + "/sub/.mdrisk.toml", "[rules]\nignore = [\"MR106\"]\n\n[files]\nexclude = [\"skip.md\"]\n");
  // The config of sub/ applies to standard input named sub/x.md, not the working directory's.
  const auto named = test::run_mdrisk({"--format", "concise", "--stdin-filename", "sub/x.md", "-"}, warning_only(), dir);
  EXPECT_EQ(named.out, "All checks passed (1 file).\n") << named.out << named.err;
  const auto unnamed = test::run_mdrisk({"--format", "concise", "-"}, warning_only(), dir);
  EXPECT_NE(unnamed.out.find("[MR106]"), std::string::npos);
  // A name in a folder that does not exist is looked up from there upwards.
  EXPECT_EQ(test::run_mdrisk({"--stdin-filename", "no/such/dir/x.md", "-"}, kClean, dir).exit_code, 0);
  // --force-exclude filters standard input by its name and its text, as a file would be.
  const auto readme = test::run_mdrisk({"--force-exclude", "--stdin-filename", "README.md", "-"}, "# Readme\n", dir);
  EXPECT_EQ(readme.exit_code, 0);
  EXPECT_EQ(readme.out, "");
  const auto tracker = test::run_mdrisk({"--force-exclude", "--format", "concise", "--stdin-filename", "t.md", "-"}, warning_only(), dir);
  EXPECT_NE(tracker.out.find("t.md:7:15: warning"), std::string::npos) << tracker.out;
}

TEST(ShowFiles, ListsTheWalkAndWhyOthersAreSkipped) {
  const std::string dir = test::temp_dir();
  fs::create_directories(dir + "/notes");
  test::write_file(dir + "/.mdrisk.toml", "[files]\nexclude = [\"notes\"]\n");
  test::write_file(dir + "/a.md", kClean);
  test::write_file(dir + "/README.md", "# Readme\n");
  test::write_file(dir + "/notes/b.md", kClean);
  test::write_file(dir + "/data.txt", "x\n");
  const auto r = test::run_mdrisk({"--no-respect-gitignore", "--show-files", "."}, "", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "a.md\n"
            "skipped: README.md (no 'Summary Table' heading and no include glob)\n"
            "skipped: notes/ (matches an exclude glob)\n");
  const auto v = test::run_mdrisk({"--no-respect-gitignore", "-v", "."}, "", dir);
  EXPECT_NE(v.err.find("notes/: skipped: matches an exclude glob"), std::string::npos) << v.err;
  EXPECT_NE(v.err.find("a.md: config " + fs::canonical(dir).string() + "/.mdrisk.toml (the nearest .mdrisk.toml above .)"),
            std::string::npos) << v.err;
}

TEST(Quiet, PrintsFindingsWithoutTheSummary) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/warn.md", warning_only());
  const auto q = test::run_mdrisk({"--no-config", "-q", "--format", "concise", "warn.md"}, "", dir);
  EXPECT_EQ(q.out, "warn.md:7:15: warning: 'high' should be written 'High' [MR106]\n");
  const auto none = test::run_mdrisk({"-q", "."}, "", test::temp_dir());
  EXPECT_EQ(none.err, "");
}

TEST(Diff, AbsolutePathsGiveAPatchThatGitApplyAndPatchAccept) {
  const std::string dir = test::temp_dir();
  const std::string file = fs::canonical(dir).string() + "/warn.md";
  test::write_file(file, warning_only());
  const auto outside = test::run_mdrisk({"--no-config", "--diff", file}, "", "/");
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_EQ(outside.out.find("--- a/" + file.substr(1) + "\n+++ b/" + file.substr(1) + "\n"), 0u) << outside.out;
  const auto inside = test::run_mdrisk({"--no-config", "--diff", file}, "", dir);
  EXPECT_EQ(inside.out.find("--- a/warn.md\n+++ b/warn.md\n"), 0u) << inside.out;
  test::write_file(dir + "/p.diff", inside.out);
  ASSERT_EQ(std::system(("cd '" + dir + "' && git apply --check p.diff && patch -p1 --dry-run <p.diff >/dev/null").c_str()), 0);
  ASSERT_EQ(std::system(("cd '" + dir + "' && patch -p1 -s <p.diff").c_str()), 0);
  EXPECT_EQ(test::run_mdrisk({"--no-config", "--diff", "warn.md"}, "", dir).exit_code, 0);  // nothing left to fix
}

TEST(UsageErrors, AreOneLineAndRefuseContradictions) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--config", "x.toml", "--no-config", "a.md"},
           {"--diff", "--format", "json", "a.md"},
           {"--statistics", "--format", "sarif", "a.md"},
           {"--write-baseline", "b.json", "--fix", "a.md"},
           {"--formt", "json", "a.md"},
           {"--format", "xml", "a.md"}}) {
    const auto r = test::run_mdrisk(args);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_EQ(count(r.err, "\n"), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("mdrisk: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("(see `mdrisk --help`)"), std::string::npos) << r.err;
  }
}

TEST(RowSuppression, DisableLineInARowsLastCellSilencesThatRowOnly) {
  const std::string dir = test::temp_dir();
  std::string t = kClean;
  t.replace(t.find("| Disk full | High   |"), 21, "| Disk full | Huge   |");
  t.replace(t.find("| Open   |\n\n"), 10, "| Open <!-- mdrisk-disable-line MR105 --> |");
  t.insert(t.find("\n\n## Detailed"), "\n| Db down   | Huge   | Low        | Replicas   | Ops   | Open   |");
  t += "\n### Db down\n\n- **Context**: One primary.\n- **Mitigation**\n  - Replicas.\n- **Monitoring**\n  - Lag alert.\n";
  test::write_file(dir + "/t.md", t);
  const auto r = test::run_mdrisk({"--no-config", "--format", "concise", "t.md"}, "", dir);
  // The first row's MR105 is suppressed, its Status still reads "Open"; the second row's is reported.
  EXPECT_EQ(count(r.out, "[MR105]"), 1u) << r.out;
  EXPECT_NE(r.out.find("t.md:8:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("not a valid Status"), std::string::npos) << r.out;
  // --fix keeps the comment in the row (re-aligning the table around it).
  const auto fixed = test::run_mdrisk({"--no-config", "--fix", "t.md"}, "", dir);
  EXPECT_EQ(fixed.exit_code, 1) << fixed.err;
  EXPECT_NE(test::read_file(dir + "/t.md").find("| Open <!-- mdrisk-disable-line MR105 --> |"), std::string::npos);
  // A row directive that suppresses nothing is MR501, and its fix removes only the comment.
  std::string unused = kClean;
  unused.replace(unused.find("| Open   |\n\n"), 10, "| Open <!-- mdrisk-disable-line MR105 --> |");
  test::write_file(dir + "/u.md", unused);
  const auto u = test::run_mdrisk({"--no-config", "--format", "concise", "u.md"}, "", dir);
  EXPECT_NE(u.out.find("[MR501]"), std::string::npos) << u.out;
  ASSERT_EQ(test::run_mdrisk({"--no-config", "--fix", "u.md"}, "", dir).exit_code, 0);
  EXPECT_EQ(test::read_file(dir + "/u.md"), kClean);
}
