// .mdrisk.toml: defaults, every option's effect, and clear errors.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "mdrisk/config.hpp"
#include "mdrisk/output.hpp"
#include "test_support.hpp"

using namespace mdrisk;

namespace {

Config parse_ok(const std::string& text) {
  auto r = parse_config(text, "test.toml");
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? *r : Config{};
}

std::string parse_error(const std::string& text) {
  auto r = parse_config(text, "test.toml");
  EXPECT_FALSE(r) << "expected a config error for:\n" << text;
  return r ? "" : r.error().message;
}

std::string lint_text(const std::string& doc, const LintOptions& options) {
  const SourceFile src = test::source(doc);
  return format_concise({&src, lint(src, options)});
}

TEST(Config, DefaultConfigFileReproducesBuiltInSchema) {
  const Config c = parse_ok(default_config_toml());
  const Schema d = Schema::defaults();
  const Schema& s = c.lint.schema;
  ASSERT_EQ(s.columns.size(), d.columns.size());
  for (std::size_t i = 0; i < d.columns.size(); ++i) {
    EXPECT_EQ(s.columns[i].key, d.columns[i].key);
    EXPECT_EQ(s.columns[i].header, d.columns[i].header);
    EXPECT_EQ(s.columns[i].allowed, d.columns[i].allowed);
    EXPECT_EQ(s.columns[i].required, d.columns[i].required);
    EXPECT_EQ(s.columns[i].non_empty, d.columns[i].non_empty);
  }
  ASSERT_EQ(s.sections.size(), d.sections.size());
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    EXPECT_EQ(s.sections[i].label, d.sections[i].label);
    EXPECT_EQ(s.sections[i].aliases, d.sections[i].aliases);
    EXPECT_EQ(s.sections[i].requirement, d.sections[i].requirement);
  }
  EXPECT_EQ(s.table_heading, d.table_heading);
  EXPECT_EQ(s.entries_heading, d.entries_heading);
  EXPECT_EQ(s.placeholders, d.placeholders);
  EXPECT_EQ(s.link, LinkMode::Name);
  // And the proof that matters: identical findings on the seed trackers.
  for (const char* f : {"/seed/risk-mitigation.md", "/seed/risk-mitigation.flattened.md"}) {
    const std::string doc = test::read_file(std::string(MDRISK_FIXTURES_DIR) + f);
    EXPECT_EQ(lint_text(doc, c.lint), lint_text(doc, LintOptions{})) << f;
  }
}

TEST(Config, ErrorsNameTheLine) {
  EXPECT_EQ(parse_error("[tracker]\ntable-heading = \"X\"\ntabel-style = \"compact\"\n"),
            "line 3: unknown key 'tabel-style' in [tracker]");
  EXPECT_EQ(parse_error("[tracker]\nentries-required = \"yes\"\n"), "line 2: 'entries-required' must be true or false");
  EXPECT_EQ(parse_error("[rules]\ndisable = [\"MR999\"]\n"), "line 2: unknown rule 'MR999' (see `mdrisk rules`)");
  EXPECT_EQ(parse_error("[rules]\nseverity = { MR302 = \"fatal\" }\n"),
            "line 2: 'severity' must be one of \"error\", \"warning\", not \"fatal\"");
  EXPECT_EQ(parse_error("[tracker]\nlink = \"id\"\nid-column = \"risk\"\nheading-pattern = \"{title}\"\n"),
            "line 4: with link = \"id\", 'heading-pattern' must contain {id}");
  EXPECT_EQ(parse_error("[tracker]\nheading-pattern = \"Risk\"\n"),
            "line 2: 'heading-pattern' must contain {id} and/or {title}");
  EXPECT_EQ(parse_error("[tracker]\nreference-pattern = 'risk ('\n"),
            "line 2: 'reference-pattern' is not a valid regular expression");
  EXPECT_EQ(parse_error("[tracker]\nreference-pattern = 'risk \\d+'\n"),
            "line 2: 'reference-pattern' needs a group: ( ) around the IDs it names");
  EXPECT_NE(parse_error("[tracker\n").find("line 1: "), std::string::npos);
  EXPECT_EQ(parse_error("bogus = 1\n"), "line 1: unknown key 'bogus' in the top level");
}

TEST(Config, RuleSelection) {
  const Config c = parse_ok(
      "[rules]\nselect = [\"MR2\"]\nenable = [\"missing-title\"]\ndisable = [\"MR204\"]\n"
      "severity = { MR203 = \"error\" }\n");
  const RuleSettings& r = c.lint.rules;
  EXPECT_TRUE(r.enabled("MR201"));
  EXPECT_TRUE(r.enabled("MR001"));   // enabled by name
  EXPECT_FALSE(r.enabled("MR204"));  // disabled wins
  EXPECT_FALSE(r.enabled("MR301"));  // not selected
  EXPECT_EQ(r.severity.at("MR203"), Severity::Error);
  const std::string doc = test::read_file(std::string(MDRISK_FIXTURES_DIR) + "/seed/risk-mitigation.md");
  const std::string out = lint_text(doc, c.lint);
  EXPECT_NE(out.find("error: entry heading 'Rust Submodule Divergence'"), std::string::npos) << out;
  EXPECT_EQ(out.find("[MR302]"), std::string::npos);
}

TEST(Config, FindConfigStopsAtRepositoryRoot) {
  const std::string root = test::temp_dir();
  ::mkdir((root + "/repo").c_str(), 0755);
  ::mkdir((root + "/repo/.git").c_str(), 0755);
  ::mkdir((root + "/repo/docs").c_str(), 0755);
  test::write_file(root + "/.mdrisk.toml", "");  // outside the repository: never used
  EXPECT_FALSE(find_config(root + "/repo/docs").has_value());
  test::write_file(root + "/repo/.mdrisk.toml", "");
  ASSERT_TRUE(find_config(root + "/repo/docs").has_value());
  EXPECT_EQ(*find_config(root + "/repo/docs"), root + "/repo/.mdrisk.toml");
}

TEST(Config, IdLinkingWithHeadingPattern) {
  const Config c = parse_ok(R"(
[tracker]
name-column = "mode"
link = "id"
id-column = "id"
heading-pattern = "{id} — {title}"
label-colon = "inside"

[[columns]]
key = "id"
header = "ID"
[[columns]]
key = "mode"
header = "Failure mode"
[[columns]]
key = "likelihood"
header = "Likelihood"
values = ["LOW", "MEDIUM", "HIGH", "CRITICAL"]
value-aliases = { Med = "MEDIUM" }

[[sections]]
label = "Context"
)");
  const std::string doc =
      "# FMEA\n\n## Summary Table\n\n| ID | Failure mode | Likelihood |\n| --- | --- | --- |\n"
      "| FM-01 | Cloud drift | med |\n| FM-02 | Disk full | HIGH |\n\n## Detailed Entries\n\n"
      "### FM-01 — cloud Drift\n\n- **Context:** text\n\n### FM-02 — Disk full\n\n- **Context**: text\n";
  const std::string out = lint_text(doc, c.lint);
  EXPECT_NE(out.find("input.md:7:25: warning: 'med' should be written 'MEDIUM' [MR106]"), std::string::npos) << out;
  EXPECT_NE(out.find("entry heading 'FM-01 — cloud Drift' differs from table row 'FM-01 — Cloud drift'"),
            std::string::npos) << out;
  EXPECT_NE(out.find("label '**Context**:' should be written '**Context:**' [MR406]"), std::string::npos) << out;
  EXPECT_EQ(out.find("MR201"), std::string::npos) << "both rows have entries by ID";
  EXPECT_EQ(out.find("MR202"), std::string::npos);
}

}  // namespace
