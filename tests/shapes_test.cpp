// The register shapes (fixtures/S*): besides the golden runner's checks,
//   * no word is lost: --fix (with unsafe fixes) keeps every word of the
//     document, compared case-insensitively as a multiset (a fix may move
//     a section, reorder columns or respell a value's case, never drop or
//     invent a word);
//   * `mdrisk init --from` describes each register well enough: linted
//     with the inferred configuration instead of the hand-written one, the
//     fixture reports exactly its expected findings (none for a register
//     consistent with itself, its planted inconsistencies otherwise);
//   * the CLI writes that configuration, and it loads.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "base/text.hpp"
#include "mdrisk/config.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/infer.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

namespace {

std::vector<std::string> shape_fixtures() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(MDRISK_FIXTURES_DIR)) {
    const std::string n = e.path().filename().string();
    if (e.is_directory() && n.size() > 3 && n[0] == 'S' && std::isdigit(static_cast<unsigned char>(n[1])) &&
        fs::exists(e.path() / "input.md")) {
      names.push_back(n);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string dir_of(const std::string& name) { return std::string(MDRISK_FIXTURES_DIR) + "/" + name; }

LintOptions hand_config(const std::string& name) {
  const std::string path = dir_of(name) + "/.mdrisk.toml";
  if (!fs::exists(path)) return LintOptions{};
  auto cfg = load_config(path);
  EXPECT_TRUE(cfg) << path << ": " << (cfg ? "" : cfg.error().message);
  return cfg ? cfg->lint : LintOptions{};
}

// Words: runs of letters and digits (any non-ASCII byte counts as a letter),
// case-folded, sorted.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(text::casefold(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(text::casefold(cur));
  std::sort(out.begin(), out.end());
  return out;
}

class Shape : public ::testing::TestWithParam<std::string> {};

// What a value-correcting fix (a score or band the rows' inputs decide)
// deliberately replaces: the words it removes and the words it writes.
void corrected_words(const std::string& input, const LintOptions& options, std::vector<std::string>& removed,
                     std::vector<std::string>& added) {
  for (const Diagnostic& d : lint(test::source(input), options)) {
    if (!d.fix || (d.code != "MR601" && d.code != "MR602")) continue;
    for (const Edit& e : d.fix->edits) {
      for (auto& w : words(input.substr(e.range.begin, e.range.size()))) removed.push_back(w);
      for (auto& w : words(e.replacement)) added.push_back(w);
    }
  }
}

TEST_P(Shape, FixLosesNoWord) {
  const std::string input = test::read_file(dir_of(GetParam()) + "/input.md");
  FixOptions options;
  options.unsafe = true;
  const LintOptions config = hand_config(GetParam());
  auto fixed = fix_source(test::source(input), config, options);
  ASSERT_TRUE(fixed) << fixed.error().message;
  // Every word stays, but for the ones a score or band correction replaces.
  std::vector<std::string> removed, added;
  corrected_words(input, config, removed, added);
  std::vector<std::string> expected = words(input);
  for (const auto& w : removed) {
    const auto it = std::find(expected.begin(), expected.end(), w);
    ASSERT_NE(it, expected.end()) << w;
    expected.erase(it);
  }
  expected.insert(expected.end(), added.begin(), added.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(words(fixed->output), expected);
}

TEST_P(Shape, InferredConfigReportsExactlyTheExpectedFindings) {
  const std::string dir = dir_of(GetParam());
  const SourceFile src = test::source(test::read_file(dir + "/input.md"), "input.md");
  const auto toml = infer_config(src);
  ASSERT_TRUE(toml) << "nothing inferred";
  auto cfg = parse_config(*toml, "inferred.toml");
  ASSERT_TRUE(cfg) << cfg.error().message << "\n" << *toml;
  EXPECT_EQ(format_concise({&src, lint(src, cfg->lint)}), test::read_file(dir + "/expected.txt")) << *toml;
}

INSTANTIATE_TEST_SUITE_P(Shapes, Shape, ::testing::ValuesIn(shape_fixtures()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return n;
                         });

// The clean shapes are clean because mdrisk reads them, not because it
// skips them: plant one inconsistency in each syntax and it is found.
TEST(ShapeDrift, EverySyntaxIsReadAndChecked) {
  struct Plant {
    const char* fixture;
    const char* from;
    const char* to;
    const char* code;
  };
  const Plant plants[] = {
      // a sub-heading field against its row
      {"S05-subheading-fields", "### Status\n\nMitigated", "### Status\n\nOpen", "[MR310]"},
      // a template is ignored by pattern, but a real entry without a row is not
      {"S05-subheading-fields", "## SEC-005", "## SEC-006", "[MR202]"},
      // labelled paragraph fields: values, required fields
      {"S06-paragraph-fields-no-table", "**Likelihood:** High  ", "**Likelihood:** Severe  ", "[MR105]"},
      {"S06-paragraph-fields-no-table", "**Owner:** Hardware  \n", "", "[MR301]"},
      // bullet fields in a table-less register
      {"S07-bullet-fields-no-table", "- **Status:** Mitigated", "- **Status:** Done", "[MR105]"},
      // key/value tables
      {"S08-key-value-tables", "| Impact | Medium |", "| Impact | Huge |", "[MR105]"},
      {"S08-key-value-tables", "| Mitigation | Focus tests", "| Remedy | Focus tests", "[MR301]"},
      // the second label on a line, compared with the row
      {"S02-failure-modes-by-id", "- **Likelihood:** LOW. **Severity:** HIGH.", "- **Likelihood:** LOW. **Severity:** LOW.",
       "[MR310]"},
      // a row of the second and third tables of a grouped register
      {"S04-tables-by-severity", "| Low | Medium | Broker UX | Open |", "| Low | Medium | Broker UX | Opened |", "[MR105]"},
      {"S04-tables-by-severity", "| R-005 |", "| R-001 |", "[MR107]"},
      // a qualified value still needs an allowed value before the qualifier
      {"S09-front-matter-qualified-values", "HIGH (shared albums)", "SEVERE (shared albums)", "[MR105]"},
      // rows that need an entry by the configured condition
      {"S10-german-register", "| R-03 | Standortmieten steigen nach der Ausschreibung | mittel | mittel |",
       "| R-03 | Standortmieten steigen nach der Ausschreibung | mittel | hoch |", "[MR201]"},
      // tables with different headers are one register: IDs unique across them
      {"S14-closed-and-accepted", "| R-002 | Query engine", "| R-003 | Query engine", "[MR107]"},
      // tight delimiter rows are this register's style; a spaced one is not
      {"S13-tight-delimiters-letters", "|---|---|---|---|---|---|---|", "| --- | --- | --- | --- | --- | --- | --- |",
       "[MR401]"},
  };
  for (const Plant& p : plants) {
    std::string input = test::read_file(dir_of(p.fixture) + "/input.md");
    const std::size_t at = input.find(p.from);
    ASSERT_NE(at, std::string::npos) << p.fixture << ": " << p.from;
    input.replace(at, std::string_view(p.from).size(), p.to);
    const SourceFile src = test::source(input, "input.md");
    const std::string out = format_concise({&src, lint(src, hand_config(p.fixture))});
    EXPECT_NE(out.find(p.code), std::string::npos) << p.fixture << ": " << p.from << " -> " << p.to << "\n" << out;
  }
}

TEST(ShapeDrift, FrontMatterIsLeftAloneAndATitleAfterOtherHeadingsCounts) {
  // A YAML comment is not a heading, the `---` lines are not a rule and a
  // setext heading, and a title after a table of contents is the title.
  const std::string doc =
      "---\n# generated: weekly\nowner: ops\n---\n\n## Contents\n\n- [Risks](#summary-table)\n\n# Ops Risks\n\n"
      "## Summary Table\n\n| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
      "| ---- | ------ | ---------- | ---------- | ----- | ------ |\n| A    | High   | Low        | m          | me    | Open   |\n\n"
      "## Detailed Entries\n\n### A\n\n- **Context**: c\n- **Mitigation**: m\n- **Monitoring**: w\n";
  const SourceFile src = test::source(doc, "input.md");
  EXPECT_EQ(format_concise({&src, lint(src, LintOptions{})}), "");
  auto fixed = fix_source(src, LintOptions{}, FixOptions{});
  ASSERT_TRUE(fixed) << fixed.error().message;
  EXPECT_EQ(fixed->output, doc);
}

TEST(InitFrom, WritesAConfigThatLoadsAndRefusesAFileWithNoRegister) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/register.md", test::read_file(dir_of("S13-tight-delimiters-letters") + "/input.md"));
  auto r = test::run_mdrisk({"init", "--from", "register.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(load_config(dir + "/.mdrisk.toml")) << test::read_file(dir + "/.mdrisk.toml");
  r = test::run_mdrisk({"register.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  // Refuses to overwrite, and a file with no register is one line, exit 2.
  r = test::run_mdrisk({"init", "--from", "register.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 2);
  test::write_file(dir + "/notes.md", "# Notes\n\nNothing to see.\n");
  r = test::run_mdrisk({"init", "--force", "--from", "notes.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mdrisk: notes.md: no register table or risk entries found to describe (`mdrisk init` writes the defaults)\n");
}

}  // namespace
