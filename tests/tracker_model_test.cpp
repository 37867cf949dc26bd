// The tracker model: spans, cell text, escaped pipes, labels, CRLF, BOM.
#include <gtest/gtest.h>

#include "mdrisk/tracker.hpp"
#include "test_support.hpp"

using namespace mdrisk;

namespace {

const char* kTracker =
    "# Title\n"
    "\n"
    "## Summary Table\n"
    "\n"
    "| Risk | Impact | Likelihood | Mitigation | Owner | Status | Notes |\n"
    "|:-----|-------:|:----------:|------------|-------|--------|-------|\n"
    "| A \\| B | High | Low | use `x \\| y` | me | Open | n |\n"
    "|  Second  risk | low | Medium | m | you | Planned | |\n"
    "\n"
    "## Detailed Entries\n"
    "\n"
    "### a | b\n"
    "\n"
    "- **Context**: why\n"
    "- **Mitigation Actions**\n"
    "  - one\n"
    "- two\n"
    "- **Monitoring:** watch\n"
    "\n"
    "### second RISK\n"
    "\n"
    "Some paragraph.\n";

std::string span_text(const SourceFile& s, ByteRange r) { return s.bytes().substr(r.begin, r.size()); }

TEST(TrackerModel, TableCellsSpansAndRoles) {
  const SourceFile src = test::source(kTracker);
  const Schema schema = Schema::defaults();
  const Tracker t = parse_tracker(src, schema);
  ASSERT_TRUE(t.title);
  EXPECT_EQ(t.title->text, "Title");
  ASSERT_TRUE(t.table);
  const Table& table = *t.table;
  EXPECT_EQ(table.first_line, 5u);
  EXPECT_EQ(table.last_line, 8u);
  ASSERT_EQ(table.header.cells.size(), 7u);
  EXPECT_EQ(table.column_of_cell[6], npos);  // Notes: unknown column
  EXPECT_EQ(table.cell_of_column[schema.column_index("status")], 5u);
  EXPECT_EQ(table.alignments[0], Alignment::Left);
  EXPECT_EQ(table.alignments[1], Alignment::Right);
  EXPECT_EQ(table.alignments[2], Alignment::Center);
  EXPECT_EQ(table.alignments[3], Alignment::None);
  ASSERT_EQ(table.rows.size(), 2u);
  // Escaped pipes do not split cells, inside code spans or not.
  ASSERT_EQ(table.rows[0].cells.size(), 7u);
  EXPECT_EQ(table.rows[0].cells[0].text, "A \\| B");
  EXPECT_EQ(table.rows[0].cells[3].text, "use `x \\| y`");
  EXPECT_EQ(span_text(src, table.rows[0].cells[0].text_range), "A \\| B");
  EXPECT_EQ(table.rows[1].cells[0].text, "Second  risk");
  EXPECT_EQ(table.rows[1].cells[6].text, "");
  EXPECT_EQ(span_text(src, table.range).substr(0, 7), "| Risk ");
}

TEST(TrackerModel, EntriesMatchRowsAfterNormalisation) {
  const SourceFile src = test::source(kTracker);
  const Schema schema = Schema::defaults();
  const Tracker t = parse_tracker(src, schema);
  ASSERT_EQ(t.entries.size(), 2u);
  EXPECT_EQ(t.entries[0].heading.text, "a | b");
  EXPECT_EQ(t.entries[0].row, 0u);  // "A \| B" == "a | b" once normalised
  EXPECT_EQ(t.entries[1].row, 1u);  // "Second  risk" == "second RISK"
  EXPECT_EQ(span_text(src, t.entries[1].heading.text_range), "second RISK");
}

TEST(TrackerModel, LabelledSectionsNestedAndFlattened) {
  const SourceFile src = test::source(kTracker);
  const Schema schema = Schema::defaults();
  const Tracker t = parse_tracker(src, schema);
  const Entry& e = t.entries[0];
  ASSERT_EQ(e.items.size(), 4u);
  ASSERT_EQ(e.sections.size(), 3u);
  EXPECT_EQ(e.sections[0].section, 0u);  // Context
  EXPECT_TRUE(e.items[0].has_inline_text);
  EXPECT_EQ(e.items[0].text, "why");
  const Label& alias = *e.items[1].label;
  EXPECT_EQ(alias.text, "Mitigation Actions");
  EXPECT_TRUE(alias.alias);
  EXPECT_EQ(e.sections[1].section, 1u);
  EXPECT_EQ(e.items[1].children.size(), 1u);
  ASSERT_EQ(e.sections[1].flattened.size(), 1u);  // "- two" belongs under Mitigation
  EXPECT_EQ(e.sections[1].flattened[0], 2u);
  const Label& colon_inside = *e.items[3].label;
  EXPECT_EQ(colon_inside.text, "Monitoring");
  EXPECT_EQ(span_text(src, colon_inside.range), "**Monitoring:**");
  EXPECT_EQ(e.items[1].content_column, 2u);
  EXPECT_EQ(e.items[2].marker_column, 0u);
}

TEST(TrackerModel, CrlfAndBomKeepExactSpans) {
  std::string text = "\xEF\xBB\xBF";
  for (const char* p = kTracker; *p; ++p) {
    if (*p == '\n') text += "\r\n";
    else text += *p;
  }
  const SourceFile src = test::source(text);
  const Schema schema = Schema::defaults();
  const Tracker t = parse_tracker(src, schema);
  ASSERT_TRUE(t.table);
  EXPECT_EQ(t.table->rows[0].cells[0].text, "A \\| B");
  EXPECT_EQ(span_text(src, t.entries[1].heading.text_range), "second RISK");
  EXPECT_EQ(span_text(src, t.entries[0].items[1].label->text_range), "Mitigation Actions");
  EXPECT_EQ(src.position_of(t.title->text_range.begin).column, 3u);
  // No span ends inside a CRLF pair.
  EXPECT_NE(src.bytes()[t.table->range.end - 1], '\r');
}

TEST(TrackerModel, TableUnderParagraphLineUsesRealHeaderLine) {
  const SourceFile src = test::source(
      "## Summary Table\ntext line\n| Risk | Impact |\n|---|---|\n| a | High |\n");
  const Schema schema = Schema::defaults();
  const Tracker t = parse_tracker(src, schema);
  ASSERT_TRUE(t.table);
  EXPECT_EQ(t.table->first_line, 3u);
  EXPECT_EQ(t.table->header.cells[0].text, "Risk");
  EXPECT_EQ(t.table->rows.size(), 1u);
}

TEST(TrackerModel, ExtraCellsAreCountedFromRawRow) {
  const SourceFile src = test::source("## Summary Table\n\n| Risk | Impact |\n|---|---|\n| a | High | extra |\n");
  const Schema schema = Schema::defaults();
  const Tracker t = parse_tracker(src, schema);
  ASSERT_TRUE(t.table);
  EXPECT_EQ(t.table->rows[0].cells.size(), 3u);
}

}  // namespace
