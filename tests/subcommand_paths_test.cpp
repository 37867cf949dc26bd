// `mdrisk report` and `mdrisk export` given folders or no path, run as the
// real binary on a git repository built here: the files are the ones lint
// finds (nested folders, a config's exclude, .gitignore, a non-tracker
// skipped), each read with the config that applies to it (a folder's own
// .mdrisk.toml with other columns), in the order of the arguments; a
// folder with no register; export refusing a folder. `diff REV FOLDER` is
// in tests/history/run.sh, which builds real histories.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

namespace {

void put(const std::string& root, const std::string& rel, const std::string& text) {
  fs::create_directories(fs::path(root + "/" + rel).parent_path());
  test::write_file(root + "/" + rel, text);
}

// A register in the built-in shape (a report does not lint: no entries needed).
std::string tracker(const std::string& title, const std::string& rows) {
  return "# " + title + "\n\n## Summary Table\n\n"
         "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
         "| ---- | ------ | ---------- | ---------- | ----- | ------ |\n" +
         rows;
}

// root/
//   .mdrisk.toml        exclude = ["drafts"]
//   .gitignore          ignored.md
//   top.md              a register
//   ignored.md          a register git ignores
//   notes.md            no Summary Table: not a register
//   drafts/d.md         a register the config excludes
//   docs/a.md           a register
//   docs/deep/b.md      a register, nested
//   team/.mdrisk.toml   other columns: Chance (Rare, Likely) and Impact (Minor, Severe)
//   team/t.md           a register only team/.mdrisk.toml can read
//   empty/readme.md     no register
std::string make_tree() {
  const std::string root = test::temp_dir();
  put(root, ".mdrisk.toml", "[files]\nexclude = [\"drafts\"]\n");
  put(root, ".gitignore", "ignored.md\n");
  put(root, "top.md", tracker("Top", "| Power cut | High | Low | UPS | Ops | Open |\n"));
  put(root, "ignored.md", tracker("Ignored", "| Ignored risk | Low | Low | m | Ops | Open |\n"));
  put(root, "notes.md", "# Notes\n\nNo register here.\n");
  put(root, "drafts/d.md", tracker("Drafts", "| Draft risk | Low | Low | m | Ops | Open |\n"));
  put(root, "docs/a.md", tracker("Docs", "| Disk full | Medium | Medium | Alerts | Ops | Open |\n"));
  put(root, "docs/deep/b.md", tracker("Deep", "| Key leak | High | High | Rotate | Sec | Closed |\n"));
  put(root, "team/.mdrisk.toml",
      "[tracker]\nentries-required = false\n\n"
      "[[columns]]\nkey = \"risk\"\nheader = \"Risk\"\n\n"
      "[[columns]]\nkey = \"likelihood\"\nheader = \"Chance\"\nvalues = [\"Rare\", \"Likely\"]\n\n"
      "[[columns]]\nkey = \"impact\"\nheader = \"Impact\"\nvalues = [\"Minor\", \"Severe\"]\n");
  put(root, "team/t.md",
      "# Team\n\n## Summary Table\n\n| Risk | Chance | Impact |\n| ---- | ------ | ------ |\n"
      "| Laptop theft | Likely | Severe |\n| Coffee spill | Rare | Minor |\n");
  put(root, "empty/readme.md", "# Readme\n");
  EXPECT_EQ(std::system(("git init -q '" + root + "'").c_str()), 0);
  return root;
}

// The "name" of each file report in `report --format json` output, in
// order: the members of "files" (risks' names are indented further).
std::vector<std::string> report_names(const std::string& json) {
  std::vector<std::string> names;
  const std::string key = "\n      \"name\": \"";
  std::size_t pos = json.find("\"files\"");
  while (pos != std::string::npos && (pos = json.find(key, pos)) != std::string::npos) {
    pos += key.size();
    names.push_back(json.substr(pos, json.find('"', pos) - pos));
  }
  return names;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

using Names = std::vector<std::string>;

// `mdrisk report docs/`: both registers together, then each (their rows are
// in make_tree: Disk full Medium x Medium = 4 of 9, Medium; Key leak High x
// High = 9, High).
const char* const kReportOfDocs =
    "== all files: 2 risks\n\n"
    "             Impact \u2192\n"
    "Likelihood \u2193   Low     Medium  High\n"
    "High             0       0       1\n"
    "Medium           0       1       0\n"
    "Low              0       0       0\n\n"
    "Risks per cell (Likelihood \u00d7 Impact):\n"
    "  High \u00d7 High (1): Key leak\n"
    "  Medium \u00d7 Medium (1): Disk full\n\n"
    "Status:\n"
    "  Open            1\n  Planned         0\n  In Progress     0\n"
    "  Mitigated       0\n  Accepted        0\n  Closed          1\n\n"
    "Band:\n  High       1\n  Medium     1\n  Low        0\n\n"
    "Owner:\n  Ops     1\n  Sec     1\n\n"
    "Top 10 by score:\n"
    "  # Risk      Likelihood Impact Score Band   Status Owner\n"
    "  1 Key leak  High       High       9 High   Closed Sec\n"
    "  2 Disk full Medium     Medium     4 Medium Open   Ops\n\n"
    "== docs/a.md: 1 risk\n\n"
    "             Impact \u2192\n"
    "Likelihood \u2193   Low     Medium  High\n"
    "High             0       0       0\n"
    "Medium           0       1       0\n"
    "Low              0       0       0\n\n"
    "Risks per cell (Likelihood \u00d7 Impact):\n"
    "  Medium \u00d7 Medium (1): Disk full\n\n"
    "Status:\n"
    "  Open            1\n  Planned         0\n  In Progress     0\n"
    "  Mitigated       0\n  Accepted        0\n  Closed          0\n\n"
    "Band:\n  High       0\n  Medium     1\n  Low        0\n\n"
    "Owner:\n  Ops     1\n\n"
    "Top 10 by score:\n"
    "  # Risk      Likelihood Impact Score Band   Status Owner\n"
    "  1 Disk full Medium     Medium     4 Medium Open   Ops\n\n"
    "== docs/deep/b.md: 1 risk\n\n"
    "             Impact \u2192\n"
    "Likelihood \u2193   Low     Medium  High\n"
    "High             0       0       1\n"
    "Medium           0       0       0\n"
    "Low              0       0       0\n\n"
    "Risks per cell (Likelihood \u00d7 Impact):\n"
    "  High \u00d7 High (1): Key leak\n\n"
    "Status:\n"
    "  Open            0\n  Planned         0\n  In Progress     0\n"
    "  Mitigated       0\n  Accepted        0\n  Closed          1\n\n"
    "Band:\n  High       1\n  Medium     0\n  Low        0\n\n"
    "Owner:\n  Sec     1\n\n"
    "Top 10 by score:\n"
    "  # Risk     Likelihood Impact Score Band Status Owner\n"
    "  1 Key leak High       High       9 High Closed Sec\n";

// `mdrisk report team`: team/.mdrisk.toml's axes, Chance (Rare, Likely) by
// Impact (Minor, Severe); Laptop theft 2 x 2 = 4 of 4, High; Coffee spill
// 1 x 1 = 1, Low. No Status or Owner column: no counts of them.
const char* const kReportOfTeam =
    "== team/t.md: 2 risks\n\n"
    "         Impact \u2192\n"
    "Chance \u2193   Minor   Severe\n"
    "Likely       0       1\n"
    "Rare         1       0\n\n"
    "Risks per cell (Chance \u00d7 Impact):\n"
    "  Likely \u00d7 Severe (1): Laptop theft\n"
    "  Rare \u00d7 Minor (1): Coffee spill\n\n"
    "Band:\n  High       1\n  Medium     0\n  Low        1\n\n"
    "Top 10 by score:\n"
    "  # Risk         Likelihood Impact Score Band Status Owner\n"
    "  1 Laptop theft Likely     Severe     4 High\n"
    "  2 Coffee spill Rare       Minor      1 Low\n";

const char* const kEmptyJson = "{\n  \"files\": []\n}\n";

}  // namespace

TEST(ReportPaths, AFolderGivesTheFilesLintFinds) {
  const std::string root = make_tree();
  const auto r = test::run_mdrisk({"report", "--format", "json", "."}, "", root);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // Not ignored.md (.gitignore), drafts/ (exclude), notes.md (no Summary Table).
  EXPECT_EQ(report_names(r.out), (Names{"docs/a.md", "docs/deep/b.md", "team/t.md", "top.md"}));
  EXPECT_NE(r.out.find("\"combined\""), std::string::npos) << r.out;
  // Exactly the files a lint run of the same folder would check.
  Names listed;
  for (const auto& line : lines(test::run_mdrisk({"--show-files", "."}, "", root).out)) {
    if (!line.starts_with("skipped: ")) listed.push_back(line);
  }
  EXPECT_EQ(report_names(r.out), listed);
  // No path: the working directory, the same report.
  EXPECT_EQ(test::run_mdrisk({"report", "--format", "json"}, "", root).out, r.out);
  // The walk's options from the command line apply as for lint.
  const auto no_git = test::run_mdrisk({"report", "--format", "json", "--no-respect-gitignore", "."}, "", root);
  EXPECT_EQ(report_names(no_git.out), (Names{"docs/a.md", "docs/deep/b.md", "ignored.md", "team/t.md", "top.md"}));
  const auto excluded = test::run_mdrisk({"report", "--format", "json", "--exclude", "deep,team", "."}, "", root);
  EXPECT_EQ(report_names(excluded.out), (Names{"docs/a.md", "top.md"}));
  const auto included = test::run_mdrisk({"report", "--format", "json", "--include", "notes.md", "."}, "", root);
  EXPECT_EQ(report_names(included.out), (Names{"docs/a.md", "docs/deep/b.md", "notes.md", "team/t.md", "top.md"}));
}

TEST(ReportPaths, AFolderReportsAsItsFilesNamedOneByOne) {
  const std::string root = make_tree();
  const auto folder = test::run_mdrisk({"report", "docs/"}, "", root);
  ASSERT_EQ(folder.exit_code, 0) << folder.err;
  EXPECT_EQ(folder.err, "");
  EXPECT_EQ(folder.out, test::run_mdrisk({"report", "docs/a.md", "docs/deep/b.md"}, "", root).out);
  EXPECT_EQ(folder.out, test::run_mdrisk({"report", "docs"}, "", root).out);
  EXPECT_EQ(folder.out, kReportOfDocs);
  // From inside docs/, no path: the same registers, named from there.
  const auto inside = test::run_mdrisk({"report", "--format", "json"}, "", root + "/docs");
  EXPECT_EQ(report_names(inside.out), (Names{"a.md", "deep/b.md"}));
}

TEST(ReportPaths, EachFileIsReadWithItsOwnConfig) {
  const std::string root = make_tree();
  // team/t.md has a Chance column that only team/.mdrisk.toml maps to the likelihood.
  const auto team = test::run_mdrisk({"report", "team"}, "", root);
  ASSERT_EQ(team.exit_code, 0) << team.err;
  EXPECT_EQ(team.out, kReportOfTeam);
  // The same file under the built-in schema has no likelihood to place it by.
  const auto defaults = test::run_mdrisk({"report", "--no-config", "team"}, "", root);
  EXPECT_NE(defaults.out, team.out);
  EXPECT_NE(defaults.out.find("== team/t.md: 2 risks, 2 without a likelihood or impact\n"), std::string::npos)
      << defaults.out;
  // Walked from the top, team/t.md still gets its folder's config, and the
  // other files the top one's.
  const auto all = test::run_mdrisk({"report", "."}, "", root);
  EXPECT_NE(all.out.find(kReportOfTeam), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("\n== docs/a.md: 1 risk\n"), std::string::npos) << all.out;
}

TEST(ReportPaths, ArgumentsKeepTheirOrderAndAFileComesOnce) {
  const std::string root = make_tree();
  const auto r = test::run_mdrisk({"report", "--format", "json", "top.md", "docs", "docs/a.md", "top.md"}, "", root);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(report_names(r.out), (Names{"top.md", "docs/a.md", "docs/deep/b.md"}));
  // A file named is always reported, as lint checks it (unless --force-exclude).
  const auto named = test::run_mdrisk({"report", "--format", "json", "drafts/d.md", "docs"}, "", root);
  EXPECT_EQ(report_names(named.out), (Names{"drafts/d.md", "docs/a.md", "docs/deep/b.md"}));
  const auto forced = test::run_mdrisk({"report", "--format", "json", "--force-exclude", "drafts/d.md", "docs"}, "", root);
  EXPECT_EQ(report_names(forced.out), (Names{"docs/a.md", "docs/deep/b.md"}));
}

TEST(ReportPaths, AFolderWithoutRegistersIsNoErrorButSaysSo) {
  const std::string root = make_tree();
  const auto text = test::run_mdrisk({"report", "empty"}, "", root);
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out, "");
  EXPECT_EQ(text.err, "mdrisk: no tracker files found\n");
  const auto json = test::run_mdrisk({"report", "--format", "json", "empty"}, "", root);
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(json.out, kEmptyJson);
  EXPECT_EQ(json.err, "mdrisk: no tracker files found\n");
  const auto quiet = test::run_mdrisk({"report", "-q", "empty"}, "", root);
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
  // -o still gets the (empty) report, as for lint.
  const auto to_file = test::run_mdrisk({"report", "--format", "json", "-o", "out.json", "empty"}, "", root);
  EXPECT_EQ(to_file.exit_code, 0);
  EXPECT_EQ(test::read_file(root + "/out.json"), kEmptyJson);
  // No path in a folder without registers: the same.
  const auto here = test::run_mdrisk({"report"}, "", root + "/empty");
  EXPECT_EQ(here.exit_code, 0);
  EXPECT_EQ(here.err, "mdrisk: no tracker files found\n");
}

TEST(ReportPaths, VerboseNamesEachFilesConfig) {
  const std::string root = make_tree();
  const auto r = test::run_mdrisk({"report", "-v", "--format", "json", "."}, "", root);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string real = fs::canonical(root).string();
  EXPECT_NE(r.err.find("team/t.md: config " + real + "/team/.mdrisk.toml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("top.md: config " + real + "/.mdrisk.toml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("drafts/: skipped: matches an exclude glob"), std::string::npos) << r.err;
}

TEST(ExportPaths, AFolderIsRefusedInOneLine) {
  const std::string root = make_tree();
  for (const std::string folder : {"docs", "docs/", "."}) {
    const auto r = test::run_mdrisk({"export", folder}, "", root);
    EXPECT_EQ(r.exit_code, 2) << folder;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "mdrisk: " + folder + ": a folder; export takes one file\n");
  }
  const auto json = test::run_mdrisk({"export", "--format", "json", "docs"}, "", root);
  EXPECT_EQ(json.exit_code, 2);
  // No path is a usage error: which register would it be?
  const auto none = test::run_mdrisk({"export"}, "", root);
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.out, "");
  // One file still exports.
  const auto one = test::run_mdrisk({"export", "docs/a.md"}, "", root);
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out,
            "\"Risk\",\"Impact\",\"Likelihood\",\"Mitigation\",\"Owner\",\"Status\"\r\n"
            "\"Disk full\",\"Medium\",\"Medium\",\"Alerts\",\"Ops\",\"Open\"\r\n");
}
