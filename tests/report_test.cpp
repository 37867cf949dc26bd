// The report model (scales, matrix, counts, top list, combining files), the
// view markers and how the model leaves views out, and `mdrisk report` at
// the command line (bad input, exit codes, colour).
#include <gtest/gtest.h>

#include "base/directive.hpp"
#include "mdrisk/config.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/report.hpp"
#include "report/scale.hpp"
#include "test_support.hpp"

using namespace mdrisk;

namespace {

const char* const kTracker =
    "# Risks\n\n"
    "## Summary Table\n\n"
    "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
    "| ---- | ------ | ---------- | ---------- | ----- | ------ |\n"
    "| A | High | High | m | Ops | Open |\n"
    "| B | high | Low | m | Ops | Closed |\n"
    "| C | Medium | High | m | Dev | Open |\n"
    "| D | Low | | m | Dev | Open |\n"
    "| E | High | High | m | QA | Planned |\n"
    "\n## Detailed Entries\n";

RegisterReport report_of(const std::string& text, const std::string& name = "t.md") {
  static const Schema schema = Schema::defaults();
  const SourceFile src = test::source(text, name);
  const Tracker t = parse_tracker(src, schema);
  return build_report(t, name);
}

std::size_t count_of(const std::vector<ReportCount>& counts, const std::string& value) {
  for (const ReportCount& c : counts) {
    if (c.value == value) return c.count;
  }
  return 0;
}

ColumnSpec column(std::vector<std::string> values) {
  ColumnSpec c;
  c.key = "x";
  c.allowed = std::move(values);
  return c;
}

TEST(ReportScale, OrdersValuesLowestFirst) {
  using V = std::vector<std::string>;
  EXPECT_EQ(report::ordered_values(column({"High", "Medium", "Low"})), (V{"Low", "Medium", "High"}));
  EXPECT_EQ(report::ordered_values(column({"Low", "Medium", "High"})), (V{"Low", "Medium", "High"}));
  EXPECT_EQ(report::ordered_values(column({"LOW", "MEDIUM", "HIGH", "CRITICAL"})),
            (V{"LOW", "MEDIUM", "HIGH", "CRITICAL"}));
  EXPECT_EQ(report::ordered_values(column({"3", "1", "10", "2"})), (V{"1", "2", "3", "10"}));
  EXPECT_EQ(report::ordered_values(column({"hoch", "mittel", "gering"})), (V{"gering", "mittel", "hoch"}));
  EXPECT_EQ(report::ordered_values(column({"H", "M", "L"})), (V{"L", "M", "H"}));
  // Words that name neither end keep the schema's order.
  EXPECT_EQ(report::ordered_values(column({"Amber", "Red"})), (V{"Amber", "Red"}));
}

TEST(ReportScale, BandsByShareOfTheHighestScore) {
  EXPECT_EQ(report::band_of(1, 9), "Low");
  EXPECT_EQ(report::band_of(2, 9), "Low");
  EXPECT_EQ(report::band_of(3, 9), "Medium");
  EXPECT_EQ(report::band_of(4, 9), "Medium");
  EXPECT_EQ(report::band_of(6, 9), "High");
  EXPECT_EQ(report::band_of(0, 9), "");
  EXPECT_EQ(report::band_of(6, 25), "Low");
  EXPECT_EQ(report::band_of(12, 25), "Medium");
  EXPECT_EQ(report::band_of(15, 25), "High");
}

TEST(ReportModel, PlacesEachRatedRiskInItsCell) {
  const RegisterReport r = report_of(kTracker);
  ASSERT_EQ(r.risks.size(), 5u);
  ASSERT_EQ(r.likelihood.values, (std::vector<std::string>{"Low", "Medium", "High"}));
  // cells[likelihood][impact], lowest first.
  EXPECT_EQ(r.cells[2][2], (std::vector<std::size_t>{0, 4}));  // A, E: High x High
  EXPECT_EQ(r.cells[0][2], (std::vector<std::size_t>{1}));     // B: "high" read as High
  EXPECT_EQ(r.cells[2][1], (std::vector<std::size_t>{2}));     // C
  EXPECT_EQ(r.unrated, 1u);                                    // D has no likelihood
  EXPECT_EQ(r.risks[3].score, 0u);
  EXPECT_EQ(r.risks[0].score, 9u);
  EXPECT_EQ(r.risks[1].band, "Medium");  // 1 x 3
  EXPECT_EQ(count_of(r.by_status, "Open"), 3u);
  EXPECT_EQ(count_of(r.by_status, "Mitigated"), 0u);
  EXPECT_EQ(count_of(r.by_owner, "Dev"), 2u);
  EXPECT_EQ(count_of(r.by_band, "High"), 3u);
  EXPECT_TRUE(r.by_group.empty());
}

TEST(ReportModel, TopListIsByScoreThenDocumentOrder) {
  const RegisterReport r = report_of(kTracker);
  EXPECT_EQ(top_risks(r, 10), (std::vector<std::size_t>{0, 4, 2, 1}));  // D is unrated
  EXPECT_EQ(top_risks(r, 2), (std::vector<std::size_t>{0, 4}));
}

TEST(ReportModel, CombinesFilesAndKeepsEach) {
  ReportSet set;
  set.files.push_back(report_of(kTracker, "a.md"));
  set.files.push_back(report_of(kTracker, "b.md"));
  const std::vector<RegisterReport> all = set.all();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "all files");
  EXPECT_EQ(all[0].risks.size(), 10u);
  EXPECT_EQ(all[0].cells[2][2].size(), 4u);
  EXPECT_EQ(count_of(all[0].by_status, "Open"), 6u);
  EXPECT_EQ(all[1].name, "a.md");
  EXPECT_EQ(all[2].cells[2][2].size(), 2u);
  set.files.pop_back();
  EXPECT_EQ(set.all().size(), 1u);  // one file: no combined report
}

TEST(ReportModel, GroupsComeFromTheHeadingAboveEachTable) {
  const std::string text =
      "# Risks\n\n## Summary Table\n\n### Payments\n\n"
      "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n| - | - | - | - | - | - |\n"
      "| A | High | Low | m | Ops | Open |\n\n### Search\n\n"
      "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n| - | - | - | - | - | - |\n"
      "| B | Low | Low | m | Ops | Open |\n| C | Low | Low | m | Ops | Open |\n\n## Detailed Entries\n";
  Schema schema = Schema::defaults();
  schema.table_heading = "";
  const SourceFile src = test::source(text);
  const RegisterReport r = build_report(parse_tracker(src, schema), "g.md");
  ASSERT_EQ(r.risks.size(), 3u);
  EXPECT_EQ(count_of(r.by_group, "Payments"), 1u);
  EXPECT_EQ(count_of(r.by_group, "Search"), 2u);
}

TEST(ReportRenderers, FormatsShowTheSameCounts) {
  ReportSet set;
  set.files.push_back(report_of(kTracker));
  ReportRenderOptions o;
  o.top = 2;
  const std::string md = render_report_markdown(set, o);
  EXPECT_NE(md.find("| High                | 0   | 1: C   | 2: A, E |"), std::string::npos) << md;
  EXPECT_NE(md.find("### Top 2 by score"), std::string::npos);
  const std::string text = render_report_text(set, o);
  EXPECT_NE(text.find("High × High (2): A, E"), std::string::npos) << text;
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
  o.color = true;
  EXPECT_NE(render_report_text(set, o).find("\x1b[30;41m"), std::string::npos);
  const std::string json = render_report_json(set, o);
  EXPECT_NE(json.find("\"unrated\": 1"), std::string::npos) << json;
  const std::string html = render_report_html(set, o);
  EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(ReportRenderers, TextNeverCarriesTheDocumentsControlCharacters) {
  std::string text = kTracker;
  text.replace(text.find("| A |"), 5, "| A\x1b[31m |");
  ReportSet set;
  set.files.push_back(report_of(text));
  const std::string out = render_report_text(set, {});
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_NE(out.find("A?[31m"), std::string::npos) << out;
}

TEST(ViewMarkers, AreRecognisedOnlyAlone) {
  auto m = parse_view_marker("<!-- mdrisk:view top 5 -->\n");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->open);
  EXPECT_EQ(m->name, "top");
  EXPECT_EQ(m->args, (std::vector<std::string>{"5"}));
  m = parse_view_marker("  <!--mdrisk:end-->\n");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->open);
  EXPECT_FALSE(parse_view_marker("<!-- mdrisk:end now -->"));
  EXPECT_FALSE(parse_view_marker("<!-- mdrisk-disable MR801 -->"));
  EXPECT_FALSE(parse_view_marker("<!-- mdrisk:view matrix --> text"));
  EXPECT_FALSE(parse_view_marker("<!-- mdrisk:view matrix -->\n<!-- mdrisk:end -->\n"));
  EXPECT_FALSE(parse_view_marker("<!-- a note -->"));
}

TEST(ViewModel, NothingInsideAViewIsTheRegisters) {
  // A table and a heading inside a view: not a register table, not an entry.
  const std::string text =
      "# Risks\n\n<!-- mdrisk:view summary-table -->\n\n"
      "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n| - | - | - | - | - | - |\n"
      "| Ghost | High | High | m | Ops | Open |\n\n### Ghost\n\nTotal: 9 risks\n\n<!-- mdrisk:end -->\n\n"
      "## Summary Table\n\n"
      "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n| ---- | ------ | ---------- | ---------- | ----- | ------ |\n"
      "| A    | High   | Low        | m          | Ops   | Open   |\n\n"
      "## Detailed Entries\n\n### A\n\n- **Context**: c.\n- **Mitigation**: m.\n- **Monitoring**: n.\n";
  const Schema schema = Schema::defaults();
  const SourceFile src = test::source(text);
  const Tracker t = parse_tracker(src, schema);
  ASSERT_EQ(t.views.size(), 1u);
  EXPECT_TRUE(t.views[0].closed);
  EXPECT_EQ(t.views[0].open_line, 3u);
  EXPECT_EQ(t.views[0].close_line, 13u);
  EXPECT_EQ(t.row_count(), 1u);
  ASSERT_EQ(t.entries.size(), 1u);
  EXPECT_EQ(t.entries[0].key, "a");
  // The only finding is the stale view (no MR111 for "Total: 9 risks", no
  // orphan entry for Ghost).
  const auto diags = lint(src, LintOptions{});
  ASSERT_EQ(diags.size(), 1u) << diags[0].code << " " << diags[0].message;
  EXPECT_EQ(diags[0].code, "MR801");
  // The fix replaces the view's content only, and a second fix changes nothing.
  auto fixed = fix_source(src, LintOptions{}, FixOptions{});
  ASSERT_TRUE(fixed) << fixed.error().message;
  const std::string& out = fixed->output;
  const std::size_t open_end = text.find("-->\n") + 4, close = text.find("<!-- mdrisk:end -->");
  EXPECT_EQ(out.substr(0, open_end), text.substr(0, open_end));
  const std::size_t out_close = out.find("<!-- mdrisk:end -->");
  EXPECT_EQ(out.substr(out_close), text.substr(close));
  EXPECT_LT(out.find("| A    | High   | Low        | m          | Ops   | Open   |"), out.find("## Summary Table")) << out;
  auto again = fix_source(test::source(out), LintOptions{}, FixOptions{});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->fixes_applied, 0u);
  EXPECT_EQ(again->output, out);
}

TEST(ViewModel, AnUnclosedViewOwnsNothing) {
  const std::string text = std::string("<!-- mdrisk:view matrix -->\n\n") + kTracker;
  const SourceFile src = test::source(text);
  const Tracker t = parse_tracker(src, Schema::defaults());
  ASSERT_EQ(t.views.size(), 1u);
  EXPECT_FALSE(t.views[0].closed);
  EXPECT_EQ(t.row_count(), 5u);
}

TEST(ViewModel, CrlfFilesGetCrlfViews) {
  std::string text =
      "# Risks\n\n<!-- mdrisk:view top 1 -->\n<!-- mdrisk:end -->\n\n## Summary Table\n\n"
      "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n| ---- | ------ | ---------- | ---------- | ----- | ------ |\n"
      "| A    | High   | Low        | m          | Ops   | Open   |\n\n"
      "## Detailed Entries\n\n### A\n\n- **Context**: c.\n- **Mitigation**: m.\n- **Monitoring**: n.\n";
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  auto fixed = fix_source(test::source(crlf), LintOptions{}, FixOptions{});
  ASSERT_TRUE(fixed) << fixed.error().message;
  for (std::size_t i = 0; i < fixed->output.size(); ++i) {
    if (fixed->output[i] == '\n') ASSERT_TRUE(i > 0 && fixed->output[i - 1] == '\r') << "a bare LF at " << i;
  }
  EXPECT_NE(fixed->output.find("|   1 | A    | Low        | High   |     3 | Medium | Open   | Ops   |\r\n"),
            std::string::npos)
      << fixed->output;
}

TEST(ReportCommand, BadInputIsOneLineAndExitTwo) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/ok.md", kTracker);
  auto r = test::run_mdrisk({"report", "--no-config", dir + "/ok.md", dir + "/missing.md"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "mdrisk: " + dir + "/missing.md: cannot read file: No such file or directory\n");
  test::write_file(dir + "/bad.md", std::string("# x\n\xff\xfe broken\n"));
  r = test::run_mdrisk({"report", "--no-config", dir + "/bad.md"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_NE(r.err.find("bad.md: "), std::string::npos) << r.err;
  r = test::run_mdrisk({"report", "--format", "yaml", dir + "/ok.md"});
  EXPECT_EQ(r.exit_code, 2);
  r = test::run_mdrisk({"report", "--top", "0", dir + "/ok.md"});
  EXPECT_EQ(r.exit_code, 2);
  // (No path is the working directory: tests/subcommand_paths_test.cpp.)
}

TEST(ReportCommand, ColoursOnlyWhenAsked) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/ok.md", kTracker);
  auto r = test::run_mdrisk({"report", "--no-config", dir + "/ok.md"});  // a pipe: no colour
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  r = test::run_mdrisk({"report", "--no-config", "--color", "always", dir + "/ok.md"});
  EXPECT_NE(r.out.find("\x1b[30;41m"), std::string::npos);
  r = test::run_mdrisk({"report", "--no-config", "--color", "always", "--format", "markdown", dir + "/ok.md"});
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  r = test::run_mdrisk({"report", "--no-config", "-", "--format", "json"}, kTracker);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"name\": \"<stdin>\""), std::string::npos) << r.out;
}

}  // namespace
