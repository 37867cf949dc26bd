// The input guard (lib/src/markdown/input_guard.hpp): what it refuses, on
// which line, and what it must leave alone (tables, many small paragraphs,
// the blanked Summary Table, escapes).
#include <gtest/gtest.h>

#include <string>

#include "markdown/input_guard.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"

namespace {

using mdrisk::scan_input;

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The construct named for `doc`, or "" when it is accepted.
std::string refused(const std::string& doc) {
  auto r = scan_input(doc);
  return r ? r->construct : std::string();
}

TEST(InputGuard, AcceptsOrdinaryMarkdown) {
  EXPECT_EQ(refused("# T\n\n> a\n> > b\n\n- a\n  - b\n    - c\n\n*a* **b** [l](u) ![i](u) <!-- c -->\n"), "");
  EXPECT_EQ(refused(""), "");
}

TEST(InputGuard, NestingCountsMarkersAndIndentation) {
  EXPECT_EQ(refused(repeat("> ", 100) + "a\n"), "");
  EXPECT_NE(refused(repeat("> ", 101) + "a\n").find("nested more than 100 deep"), std::string::npos);
  EXPECT_NE(refused(repeat(">", 5000) + "\n").find("nested"), std::string::npos);
  EXPECT_NE(refused(repeat("- ", 101) + "x\n").find("nested"), std::string::npos);
  EXPECT_NE(refused(repeat("1. ", 101) + "x\n").find("nested"), std::string::npos);
  // A list nested one level per line: the deep line's indentation shows it.
  std::string deep;
  for (int i = 0; i < 120; ++i) deep += std::string(2 * static_cast<std::size_t>(i), ' ') + "- a\n";
  auto r = scan_input(deep);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->line, 101u);  // 100 columns of indentation / 2 + its own marker
}

TEST(InputGuard, OpenersAreCountedPerParagraph) {
  // 1,000 in one paragraph is allowed, 1,001 is not.
  EXPECT_EQ(refused(repeat("_a ", 1000) + "\n"), "");
  EXPECT_NE(refused(repeat("_a ", 1001) + "\n").find("emphasis delimiters"), std::string::npos);
  EXPECT_NE(refused("x" + repeat("<?", 1001) + "\n").find("HTML openers"), std::string::npos);
  EXPECT_NE(refused("x" + repeat("<!A ", 1001) + "\n").find("HTML openers"), std::string::npos);
  EXPECT_NE(refused(repeat("![[]()", 1001) + "\n").find("image openers"), std::string::npos);
  EXPECT_NE(refused(repeat("[a", 10001) + "\n").find("link openers"), std::string::npos);
  // The same count over many paragraphs is fine: each is linear for cmark.
  EXPECT_EQ(refused(repeat(repeat("*a_ ", 200) + "\n\n", 50)), "");
  // List items and headings start paragraphs.
  EXPECT_EQ(refused(repeat("- " + repeat("*a* ", 300) + "\n", 20)), "");
  EXPECT_EQ(refused(repeat("# " + repeat("*a* ", 300) + "\n", 20)), "");
}

TEST(InputGuard, LinesThatMayContinueAParagraphDoNotEndIt) {
  // An ordered item not numbered 1, an empty item, an indented marker:
  // cmark may read each as paragraph text, so they must not reset the count.
  for (const std::string sep : {"2. x\n", "-\n", "    - x\n", "*\n"}) {
    std::string doc;
    for (int i = 0; i < 20; ++i) doc += repeat("*a_ ", 60) + "\n" + sep;
    EXPECT_NE(refused(doc), "") << sep;
  }
}

TEST(InputGuard, EscapedCharactersCountNothing) {
  EXPECT_EQ(refused(repeat("\\* \\[ \\_ \\<? ", 3000) + "\n"), "");
}

TEST(InputGuard, TableRowsAndCells) {
  EXPECT_EQ(refused("|" + repeat("a|", 255) + "\n"), "");
  EXPECT_NE(refused("|" + repeat("a|", 300) + "\n").find("more than 256 cells"), std::string::npos);
  // 200 columns, rows of one cell: every row is padded to 200 nodes.
  const std::string head = "|" + repeat("h|", 200) + "\n|" + repeat("-|", 200) + "\n";
  auto r = scan_input(head + repeat("|a\n", 2000));
  ASSERT_TRUE(r);
  EXPECT_NE(r->construct.find("a table of 200 columns (from line 1)"), std::string::npos);
  // Full rows of the same table are fine.
  EXPECT_EQ(refused(head + repeat("|" + repeat("x|", 200) + "\n", 200)), "");
  // So is a long ordinary table: each row is its own count.
  EXPECT_EQ(refused("| a | b |\n|---|---|\n" + repeat("| *x* | [y](z) |\n", 3000)), "");
  // But not when the "table" may be paragraph text for cmark: a header that
  // may be a lazy continuation line, cell counts that differ, a row that
  // could end an HTML block.
  EXPECT_NE(refused("- item\n| a | b |\n|---|---|\n" + repeat("| *x* | [y](z) |\n", 3000)), "");
  EXPECT_NE(refused("| a | b | c |\n|---|---|\n" + repeat("| *x* | [y](z) |\n", 3000)), "");
  EXPECT_NE(refused("| a | b |\n|---|---|\n| --> |\n" + repeat("| *x* | [y](z) |\n", 3000)), "");
}

TEST(InputGuard, DelimiterRowsUnderALongParagraph) {
  // Fewer than 1,000 such rows, but each under a long paragraph: cmark-gfm
  // re-reads it all for each (0.76 s for 39 KB before this limit).
  std::string doc = "|c0|c1|c2~c3|\n";
  for (int i = 0; i < 900; ++i) doc += "|-|-|-|-|\n|x|x|x|x|\n|x|x|x|x|\n";
  EXPECT_NE(refused(doc).find("table delimiter rows under a long paragraph"), std::string::npos);
  // A real table has one delimiter row: fine however long.
  EXPECT_EQ(refused("\n|a|b|\n|-|-|\n" + repeat("|x|y|\n", 20000)), "");
}

TEST(InputGuard, DelimiterRowsThatStartNoTable) {
  // Each one makes cmark-gfm re-read the paragraph above it.
  EXPECT_NE(refused(repeat("a|b|c\n|-|\n", 1001)).find("table delimiter rows"), std::string::npos);
}

TEST(InputGuard, LinesEndAtLfCrLfAndLoneCr) {
  auto r = scan_input("a\r\nb\rc\n" + repeat("> ", 200) + "\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->line, 4u);
}

TEST(InputGuard, ReadsTheReplacementWhereGiven) {
  const std::string bad = repeat("_a ", 2000);
  const std::string doc = "x\n\n" + bad + "\n\ny\n";
  EXPECT_NE(refused(doc), "");
  // The same bytes with the bad line replaced by blanks of equal length.
  EXPECT_FALSE(scan_input(doc, std::string(bad.size(), ' '), 3));
  // A replacement that starts inside a line: the line is read whole, half
  // from the body and half from the replacement (6,000 bytes, 2,000 runs).
  ASSERT_EQ(bad.size(), 6000u);
  EXPECT_FALSE(scan_input(doc, std::string(3000, ' '), 3 + 3000));     // 1,000 runs left
  EXPECT_TRUE(scan_input(doc, std::string(2000, ' '), 3 + 4000));      // 1,334 left
}

TEST(InputGuard, LintThrowsAndFixReturnsTheSameError) {
  auto src = mdrisk::SourceFile::from_bytes("t.md", "# T\n\n" + repeat("<?", 2000) + "\n");
  ASSERT_TRUE(src);
  std::string message;
  try {
    (void)mdrisk::lint(*src, mdrisk::LintOptions{});
    ADD_FAILURE() << "lint accepted it";
  } catch (const mdrisk::InputRefused& e) {
    EXPECT_EQ(e.error().kind, mdrisk::ErrorKind::InvalidInput);
    message = e.error().message;
  }
  EXPECT_EQ(message.rfind("line 3: refused: more than 1000 HTML openers", 0), 0u) << message;
  auto fixed = mdrisk::fix_source(*src, mdrisk::LintOptions{}, mdrisk::FixOptions{});
  ASSERT_FALSE(fixed);
  EXPECT_EQ(fixed.error().message, message);
}

TEST(InputGuard, TheSummaryTableIsBlankedSoItsCellsCountNothing) {
  // 3,000 rows whose cells hold emphasis and links: one "paragraph" to a
  // line scanner, but cmark reads the Summary Table blanked.
  std::string rows;
  for (int i = 0; i < 3000; ++i) rows += "| R" + std::to_string(i) + " | High | Low | *a* [b](c) | O | Open |\n";
  auto src = mdrisk::SourceFile::from_bytes(
      "t.md", "# T\n\n## Summary Table\n\n| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
              "|---|---|---|---|---|---|\n" + rows + "\n## Detailed Entries\n");
  ASSERT_TRUE(src);
  EXPECT_NO_THROW((void)mdrisk::lint(*src, mdrisk::LintOptions{}));
}

TEST(FixOutput, GrowthBeyondTheFactorIsRefused) {
  // A table padded to one wide cell: canonical alignment multiplies it.
  std::string rows;
  for (int i = 0; i < 300; ++i) rows += "|R" + std::to_string(i) + "|High|Low|m|o|Open|\n";
  const std::string doc = "# T\n\n## Summary Table\n\n|Risk|Impact|Likelihood|Mitigation|Owner|Status|\n|-|-|-|-|-|-|\n"
                          "|Wide|High|Low|" + std::string(3000, 'w') + "|o|Open|\n" + rows + "\n## Detailed Entries\n";
  auto src = mdrisk::SourceFile::from_bytes("t.md", doc);
  ASSERT_TRUE(src);
  mdrisk::FixOptions o;
  o.growth_slack_bytes = 0;  // the factor alone
  auto fixed = mdrisk::fix_source(*src, mdrisk::LintOptions{}, o);
  ASSERT_FALSE(fixed);
  EXPECT_EQ(fixed.error().kind, mdrisk::ErrorKind::FixFailed);
  EXPECT_NE(fixed.error().message.find("more than 4 times"), std::string::npos) << fixed.error().message;
  // The default slack (1 MiB) lets this small file grow.
  EXPECT_TRUE(mdrisk::fix_source(*src, mdrisk::LintOptions{}, mdrisk::FixOptions{}));
  // And an absolute limit below the output refuses it too.
  o = mdrisk::FixOptions{};
  o.max_output_bytes = doc.size();
  auto capped = mdrisk::fix_source(*src, mdrisk::LintOptions{}, o);
  ASSERT_FALSE(capped);
  EXPECT_NE(capped.error().message.find("--max-file-size"), std::string::npos);
}

}  // namespace
