// The emitters: full text with snippets, GitHub workflow
// commands, SARIF (structure and fingerprints; schema validation is the
// sarif_schema ctest), statistics, and the CLI switches around them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "test_support.hpp"

using namespace mdrisk;
using nlohmann::json;

namespace {

const char* kBad =
    "# Risks\n"
    "\n"
    "## Summary Table\n"
    "\n"
    "| Risk      | Impact | Likelihood | Mitigation | Owner | Status |\n"
    "| --------- | ------ | ---------- | ---------- | ----- | ------ |\n"
    "| Disk full | Huge   | Low        | Alerts     | Ops   | Open   |\n"
    "\n"
    "## Detailed Entries\n"
    "\n"
    "### Disk full\n"
    "\n"
    "- **Context**: TODO\n"
    "- **Mitigation**\n"
    "  - Rotate logs.\n";

Diagnostic diag(std::string code, Severity s, std::string message, ByteRange r) {
  Diagnostic d;
  d.code = std::move(code);
  d.name = "test-rule";
  d.severity = s;
  d.message = std::move(message);
  d.range = r;
  return d;
}

}  // namespace

TEST(FullText, UnderlinesTheSpanByDisplayWidthAndShowsTheFix) {
  // "| 漢字 | x |": the span "x" starts after two wide characters.
  const SourceFile src = test::source("intro\n| 漢字 | x |\n", "t.md");
  const std::size_t x = src.bytes().find("x |");
  Diagnostic d = diag("MR999", Severity::Warning, "bad x", {x, x + 1});
  d.fix = Fix{Applicability::Safe, "replace x", {}};
  const std::string out = format_text({&src, {d}});
  EXPECT_EQ(out,
            "t.md:2:8: warning: bad x [MR999]\n"
            "  |\n"
            "2 | | 漢字 | x |\n"
            "  |          ^\n"
            "  = help: replace x\n"
            "\n");
}

TEST(FullText, MultiLineSpanUnderlinesToEndOfFirstLineAndEmptySpanGetsOneCaret) {
  const SourceFile src = test::source("abc\ndef\n", "t.md");
  const std::string out =
      format_text({&src, {diag("MR1", Severity::Error, "m", {1, 6}), diag("MR2", Severity::Error, "m", {4, 4})}});
  EXPECT_NE(out.find("1 | abc\n  |  ^^\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2 | def\n  | ^\n"), std::string::npos) << out;
}

TEST(FullText, ColourOnlyWhenAsked) {
  const SourceFile src = test::source(kBad);
  const auto diags = lint(src, LintOptions{});
  EXPECT_EQ(format_text({&src, diags}).find('\x1b'), std::string::npos);
  EXPECT_NE(format_text({&src, diags}, TextStyle{true}).find("\x1b[1;31m"), std::string::npos);
}

TEST(GithubFormat, EscapesPropertiesAndMessage) {
  const SourceFile src = test::source("line one\n", "dir,a:b%c.md");
  const auto out = format_github({{&src, {diag("MR105", Severity::Error, "100% bad\r\nnext: a,b", {0, 4}),
                                          diag("MR302", Severity::Warning, "w", {5, 8})}}});
  EXPECT_EQ(out,
            "::error file=dir%2Ca%3Ab%25c.md,line=1,col=1,endLine=1,endColumn=5,title=MR105::100%25 bad%0D%0Anext: a,b\n"
            "::warning file=dir%2Ca%3Ab%25c.md,line=1,col=6,endLine=1,endColumn=9,title=MR302::w\n");
}

TEST(Sarif, HasRuleMetadataResultsRelatedLocationsAndFixes) {
  const SourceFile src = test::source(kBad, "docs/risks.md");
  auto diags = lint(src, LintOptions{});
  ASSERT_FALSE(diags.empty());
  diags[0].related.push_back({{0, 7}, "the title"});
  SarifOptions opt;
  opt.tool_version = "1.2.3";
  opt.rule_help_base_uri = "https://example.invalid/docs/rules/";
  const json log = json::parse(format_sarif({{&src, diags}}, opt));
  EXPECT_EQ(log["version"], "2.1.0");
  const json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "mdrisk");
  EXPECT_EQ(run["tool"]["driver"]["version"], "1.2.3");
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_GT(rules.size(), 20u);
  EXPECT_EQ(rules[0]["id"], "MR001");
  EXPECT_EQ(rules[0]["name"], "missing-title");
  EXPECT_EQ(rules[0]["helpUri"], "https://example.invalid/docs/rules/MR001.md");
  EXPECT_FALSE(rules[0]["shortDescription"]["text"].get<std::string>().empty());
  EXPECT_FALSE(rules[0]["help"]["text"].get<std::string>().empty());

  const json& results = run["results"];
  ASSERT_EQ(results.size(), diags.size());
  const json& first = results[0];
  EXPECT_EQ(first["ruleId"], diags[0].code);
  EXPECT_EQ(rules[first["ruleIndex"].get<std::size_t>()]["id"], diags[0].code);
  const json& loc = first["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "docs/risks.md");
  const Position p = src.position_of(diags[0].range.begin);
  EXPECT_EQ(loc["region"]["startLine"], p.line);
  EXPECT_EQ(loc["region"]["startColumn"], p.column);
  EXPECT_EQ(first["relatedLocations"][0]["message"]["text"], "the title");
  EXPECT_EQ(first["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 1);
  EXPECT_TRUE(first["partialFingerprints"].contains("mdrisk/v1"));
}

TEST(Sarif, FixesCarryByteReplacements) {
  const SourceFile src = test::source("# T\n", "t.md");
  Diagnostic d = diag("MR405", Severity::Warning, "m", {4, 4});
  d.fix = Fix{Applicability::Safe, "add it", {Edit{{4, 4}, "\n"}}};
  const json log = json::parse(format_sarif({{&src, {d}}}, {}));
  const json& r = log["runs"][0]["results"][0];
  const json& rep = r["fixes"][0]["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(rep["deletedRegion"]["byteOffset"], 4);
  EXPECT_EQ(rep["deletedRegion"]["byteLength"], 0);
  EXPECT_EQ(rep["insertedContent"]["text"], "\n");
  EXPECT_EQ(r["properties"]["applicability"], "safe");
}

TEST(Sarif, PathsBecomeUriReferences) {
  const SourceFile a = test::source("x\n", "./my docs/r#1.md");
  const SourceFile b = test::source("x\n", "/abs/t.md");
  const json log = json::parse(format_sarif({{&a, {diag("MR1", Severity::Error, "m", {0, 1})}},
                                             {&b, {diag("MR1", Severity::Error, "m", {0, 1})}}},
                                            {}));
  const json& results = log["runs"][0]["results"];
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "my%20docs/r%231.md");
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "file:///abs/t.md");
}

TEST(Sarif, FingerprintsSurviveUnrelatedEditsAndSeparateDuplicates) {
  const std::string moved = std::string("Preamble added above.\n\nAnd another paragraph.\n\n") + kBad;
  const SourceFile a = test::source(kBad);
  const SourceFile b = test::source(moved);
  const auto da = lint(a, LintOptions{});
  const auto db = lint(b, LintOptions{});
  ASSERT_EQ(da.size(), db.size());
  for (std::size_t i = 0; i < da.size(); ++i) {
    EXPECT_NE(a.position_of(da[i].range.begin).line, b.position_of(db[i].range.begin).line);
    EXPECT_EQ(fingerprint(a, da[i]), fingerprint(b, db[i])) << da[i].code;
  }
  // A different message (another risk) changes it; identical findings differ by occurrence.
  Diagnostic other = da[0];
  other.message += " (changed)";
  EXPECT_NE(fingerprint(a, da[0]), fingerprint(a, other));
  const json log = json::parse(format_sarif({{&a, {da[0], da[0]}}}, {}));
  const auto& results = log["runs"][0]["results"];
  EXPECT_NE(results[0]["partialFingerprints"]["mdrisk/v1"], results[1]["partialFingerprints"]["mdrisk/v1"]);
}

TEST(Statistics, CountsPerRuleMostFrequentFirst) {
  const SourceFile src = test::source("x\n");
  Diagnostic fixable = diag("MR404", Severity::Warning, "m", {0, 1});
  fixable.name = "bullet-style";
  fixable.fix = Fix{Applicability::Safe, "t", {}};
  Diagnostic error = diag("MR201", Severity::Error, "m", {0, 1});
  error.name = "missing-entry";
  EXPECT_EQ(format_statistics({{&src, {error, fixable, fixable}}}),
            "2  MR404  bullet-style   [*]\n"
            "1  MR201  missing-entry\n");
  const json j = json::parse(format_statistics_json({{&src, {error, fixable, fixable}}}));
  EXPECT_EQ(j[0]["code"], "MR404");
  EXPECT_EQ(j[0]["count"], 2);
  EXPECT_EQ(j[0]["fixable"], 2);
}

// ---- the CLI ---------------------------------------------------------------

namespace {
std::string write_bad(const std::string& dir) {
  const std::string path = dir + "/bad.md";
  test::write_file(path, kBad);
  return path;
}
}  // namespace

TEST(Cli, DefaultTextShowsSnippetsConciseDoesNot) {
  const std::string dir = test::temp_dir();
  write_bad(dir);
  const auto full = test::run_mdrisk({"bad.md"}, "", dir);
  EXPECT_EQ(full.exit_code, 1);
  EXPECT_NE(full.out.find("bad.md:7:15: error: 'Huge' is not a valid Impact"), std::string::npos) << full.out;
  EXPECT_NE(full.out.find("7 | | Disk full | Huge   |"), std::string::npos) << full.out;
  EXPECT_NE(full.out.find("  |               ^^^^\n"), std::string::npos) << full.out;
  EXPECT_EQ(full.out.find('\x1b'), std::string::npos) << "no colour when stdout is not a terminal";
  const auto concise = test::run_mdrisk({"--format", "concise", "bad.md"}, "", dir);
  EXPECT_EQ(concise.out.find(" | "), std::string::npos) << concise.out;
  EXPECT_NE(concise.out.find("bad.md:7:15: error:"), std::string::npos);
}

TEST(Cli, ColorSwitchAndNoColor) {
  const std::string dir = test::temp_dir();
  write_bad(dir);
  EXPECT_NE(test::run_mdrisk({"--color", "always", "bad.md"}, "", dir).out.find('\x1b'), std::string::npos);
  EXPECT_EQ(test::run_mdrisk({"--color", "never", "bad.md"}, "", dir).out.find('\x1b'), std::string::npos);
  // NO_COLOR wins over auto (even where auto would colour), not over always.
  const int rc = std::system(("cd " + dir + " && NO_COLOR=1 script -qec '" + std::string(MDRISK_BINARY) +
                              " bad.md' /dev/null > out.txt 2>&1")
                                 .c_str());
  if (rc != -1 && std::system("command -v script >/dev/null") == 0) {
    EXPECT_EQ(test::read_file(dir + "/out.txt").find("\x1b[1;31m"), std::string::npos);
    std::system(("cd " + dir + " && script -qec '" + std::string(MDRISK_BINARY) + " bad.md' /dev/null > tty.txt 2>&1")
                    .c_str());
    EXPECT_NE(test::read_file(dir + "/tty.txt").find("\x1b[1;31m"), std::string::npos) << "auto colours a terminal";
  }
}

TEST(Cli, SarifGithubStatisticsAndOutputFile) {
  const std::string dir = test::temp_dir();
  write_bad(dir);
  const auto sarif = test::run_mdrisk({"--format", "sarif", "bad.md"}, "", dir);
  EXPECT_EQ(sarif.exit_code, 1);
  const json log = json::parse(sarif.out);
  EXPECT_EQ(log["runs"][0]["results"].size(), 3u);
  const auto gh = test::run_mdrisk({"--format", "github", "bad.md"}, "", dir);
  EXPECT_NE(gh.out.find("::error file=bad.md,line=7,col=15,endLine=7,endColumn=19,title=MR105::"), std::string::npos)
      << gh.out;
  EXPECT_NE(gh.out.find("::warning file=bad.md"), std::string::npos) << gh.out;
  const auto stats = test::run_mdrisk({"--statistics", "bad.md"}, "", dir);
  EXPECT_NE(stats.out.find("1  MR105  invalid-value"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("Found 3 problems"), std::string::npos) << stats.out;
  const auto to_file = test::run_mdrisk({"--format", "sarif", "-o", "out.sarif", "bad.md"}, "", dir);
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(json::parse(test::read_file(dir + "/out.sarif"))["version"], "2.1.0");
}
