// Where lib/src/markdown/document_parts.hpp allows cutting a document, and what
// ParsedDocument does when a cut would split an open block. Whole-pipeline
// equivalence (every fixture, fuzz input and spec example cut at every
// allowed point) is fuzz property P9, run by fuzz_regressions_test and
// spec_corpus_test.
#include <gtest/gtest.h>

#include "../fuzz/properties.hpp"
#include "markdown/document_parts.hpp"
#include "test_support.hpp"

using namespace mdrisk;

namespace {

std::vector<std::size_t> cut_offsets(std::string_view body, std::size_t target = 1) {
  std::vector<std::size_t> out;
  for (const PartStart& p : document_parts(body, target)) out.push_back(p.offset);
  return out;
}

TEST(DocumentParts, CutsBeforeAtxHeadingsAfterBlankLines) {
  const std::string doc = "# T\n\npara\n\n## A\n\n### B\ntext\n\n# C\n";
  const auto parts = document_parts(doc, 1);
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0].offset, 0u);
  EXPECT_EQ(doc.substr(parts[1].offset, 4), "## A");
  EXPECT_EQ(parts[1].line_base, 4u);
  EXPECT_EQ(doc.substr(parts[2].offset, 5), "### B");
  EXPECT_EQ(parts[2].line_base, 6u);
  EXPECT_EQ(doc.substr(parts[3].offset, 3), "# C");
  EXPECT_EQ(parts[3].line_base, 9u);
}

TEST(DocumentParts, NeverCutsWhereABlockCouldContinue) {
  EXPECT_EQ(cut_offsets("# T\npara\n# H\n").size(), 1u) << "previous line not blank";
  EXPECT_EQ(cut_offsets("# T\n\n#hashtag\n").size(), 1u) << "not a heading";
  EXPECT_EQ(cut_offsets("# T\n\n####### seven\n").size(), 1u) << "not a heading";
  EXPECT_EQ(cut_offsets("# T\n\n#### four\n\n###### six\n").size(), 1u) << "levels 4-6 go on an entry";
  EXPECT_EQ(cut_offsets("# T\n\n - a\n\n # indented\n").size(), 1u) << "not at column 0";
  EXPECT_EQ(cut_offsets("# T\n\n#\n").size(), 2u) << "an empty heading is a heading";
  EXPECT_EQ(cut_offsets("# T\n\t\n#\tTab\n").size(), 2u) << "blank lines may hold tabs";
}

TEST(DocumentParts, NoCutsWhenTheDocumentMayHoldALinkReferenceDefinition) {
  EXPECT_EQ(cut_offsets("# T\n\n## A\n\n[x]: /url\n").size(), 1u);
  EXPECT_EQ(cut_offsets("# T\n\n## A\n\nnot a definition]: but still no cut\n").size(), 1u);
}

TEST(DocumentParts, NoCutsWithALoneCarriageReturn) {
  EXPECT_EQ(cut_offsets("# T\r\n\r\n## A\r\n").size(), 2u);
  EXPECT_EQ(cut_offsets("# T\r\n\r\n## A\rx\n").size(), 1u);
}

TEST(DocumentParts, CountsLinesInLineFeeds) {
  const std::string doc = "# T\r\n\r\nx\r\n\r\n## A\r\n";
  const auto parts = document_parts(doc, 1);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[1].line_base, 4u);
}

TEST(DocumentParts, PartsAreAtLeastTheTargetLong) {
  std::string doc = "# T\n\n";
  for (int i = 0; i < 200; ++i) doc += "### Risk " + std::to_string(i) + "\n\n- text\n\n";
  const auto parts = document_parts(doc, 100);
  ASSERT_GT(parts.size(), 5u);
  for (std::size_t i = 1; i < parts.size(); ++i) EXPECT_GE(parts[i].offset - parts[i - 1].offset, 100u);
  EXPECT_EQ(document_parts(doc, doc.size()).size(), 1u) << "shorter than two targets: one part";
}

// What cutting at every point gives, against parsing whole; throws on a
// difference (fuzz::check_parts).
void expect_same_in_parts(const std::string& doc) {
  const SourceFile src = test::source(doc);
  ASSERT_GT(document_parts(src.body(), 1).size(), 1u) << "test bug: nowhere to cut";
  try {
    fuzz::check_parts(src);
  } catch (const fuzz::Broken& b) {
    ADD_FAILURE() << b.message;
  }
}

TEST(DocumentParts, AnOpenFenceIsParsedWhole) {
  // The cut before "### Not a heading" would end the first part inside an
  // unclosed fence: ParsedDocument must see its last block and parse on.
  const std::string doc =
      "# T\n\n## Detailed Entries\n\n### A\n\n- **Context**: a\n\n```\ncode\n\n### Not a heading\n\n```\n\n### B\n\n"
      "- **Context**: b\n";
  expect_same_in_parts(doc);
  const fuzz::PartTarget every_cut(1);
  const SourceFile src = test::source(doc);  // outlives the model, which points into it
  const Tracker t = parse_tracker(src, Schema::defaults());
  ASSERT_EQ(t.entries.size(), 2u);
  EXPECT_EQ(t.entries[1].heading.text, "B");
  EXPECT_EQ(t.entries[1].heading.first_line, 16u);
}

TEST(DocumentParts, AnOpenHtmlBlockIsParsedWhole) {
  expect_same_in_parts("# T\n\n<!--\n\n## Hidden\n\n-->\n\n## Seen\n\ntext\n");
  expect_same_in_parts("# T\n\n<pre>\n\n## Hidden\n\n</pre>\n\n## Seen\n\ntext\n");
}

TEST(DocumentParts, ContainersClosedByTheHeadingStayClosed) {
  expect_same_in_parts("# T\n\n- item\n\n  ```\n  open fence in an item\n\n## H\n\n- next\n");
  expect_same_in_parts("# T\n\n> quote\n>\n> ```\n\n## H\n\ntext\n");
  expect_same_in_parts("# T\n\n    indented\n\n    code\n\n## H\n\n    more\n");
  expect_same_in_parts("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## H\n\n| c |\n|---|\n");
}

TEST(DocumentParts, AnEntryNeverSpansTwoParts) {
  // "#### Notes" belongs to entry A: no cut before it, so each part's
  // entries are complete when the part is modelled, signed (P10) and its
  // tree dropped.
  const std::string doc =
      "# T\n\n## Detailed Entries\n\n### A\n\n- **Context**: a\n\n#### Notes\n\nmore about a\n\n### B\n\n"
      "- **Context**: b\n";
  expect_same_in_parts(doc);
  const auto parts = document_parts(doc, 1);
  ASSERT_EQ(parts.size(), 4u);  // before "## Detailed Entries", "### A" and "### B"
  EXPECT_EQ(doc.substr(parts[2].offset, 5), "### A");
  EXPECT_EQ(doc.substr(parts[3].offset, 5), "### B");
  const fuzz::PartTarget every_cut(1);
  try {
    fuzz::check_signature_while_building(test::source(doc));
  } catch (const fuzz::Broken& b) {
    ADD_FAILURE() << b.message;
  }
  const SourceFile src = test::source(doc);  // outlives the model, which points into it
  const TrackerWithTree t = parse_tracker_with_tree(src, Schema::defaults());
  ASSERT_EQ(t.tracker.entries.size(), 2u);
  EXPECT_EQ(t.tree.entries[0].other_blocks.size(), 2u);  // the subheading and its paragraph
}

// The default part size on a tracker large enough to be cut (~0.5 MB, ~8
// parts): the same HTML, model, lint and --fix output as in one piece. The
// tracker is messy (lower-case values, `*` bullets, a heading whose case
// differs, a missing entry) so that --fix has work in every part.
TEST(DocumentParts, ALargeTrackerGivesTheSameResultsInParts) {
  std::string table, entries;
  for (int i = 0; i < 1500; ++i) {
    const std::string name = "Risk number " + std::to_string(i);
    table += "| " + name + " | high | Low | Do thing " + std::to_string(i) + " | Team | open |\n";
    if (i % 500 == 7) continue;  // a row without an entry (MR201)
    entries += "### " + (i % 3 == 0 ? std::string("risk Number ") + std::to_string(i) : name) + "\n\n";
    entries += "* **Context**: Context of " + name + " with `code` and _emphasis_.\n";
    entries += "* **Mitigation**\n  * First step.\n  * Second step, see <https://example.com>.\n";
    entries += "* **Monitoring**: Dashboard " + std::to_string(i) + ".\n\n";
  }
  const std::string doc = "# Big Tracker\n\n## Summary Table\n\n"
                          "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
                          "|---|---|---|---|---|---|\n" +
                          table + "\n## Detailed Entries\n\n" + entries;
  const SourceFile src = test::source(doc);
  const auto parts = document_parts(src.body(), part_target_bytes());
  ASSERT_GT(parts.size(), 4u) << "the default part size must cut this tracker";
  std::string whole, cut;
  {
    const fuzz::PartTarget one_piece(std::numeric_limits<std::size_t>::max() / 4);
    whole = fuzz::parts_view(src);
  }
  cut = fuzz::parts_view(src);
  EXPECT_TRUE(whole == cut) << "parsing in parts changed the result";
  EXPECT_NE(whole.find("fix:# Big Tracker"), std::string::npos) << "--fix must have succeeded";
}

}  // namespace
