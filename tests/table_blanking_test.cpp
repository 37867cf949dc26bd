// The Summary Table's cells reach cmark blanked (lib/src/markdown/table_blanking.hpp):
// what is blanked, and that the model, the findings and the verifier's view
// are the same as from the document parsed as written.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../fuzz/properties.hpp"
#include "markdown/table_blanking.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

namespace {

const Schema kSchema = Schema::defaults();

TEST(TableBlanking, KeepsPipesEscapesLengthsAndTheDelimiterRow) {
  const std::string md =
      "# T\r\n\r\n## Summary Table\r\n\r\n| Risk | Owner |\r\n| :--- | ---: |\r\n| A \\| b | Zoë |\r\n  | `c` |\r\n"
      "\r\nafter | x\r\n";
  const SourceFile src = test::source(md);
  const auto rows = blank_summary_table(src, kSchema);
  ASSERT_TRUE(rows);
  EXPECT_EQ(rows->first_line, 5u);
  EXPECT_EQ(rows->last_line, 8u);
  const std::size_t begin = src.line_start(5), end = src.line_end_with_eol(8);
  EXPECT_EQ(rows->body_offset, begin);
  EXPECT_EQ(rows->bytes,
            "|      |       |\r\n| :--- | ---: |\r\n|   \\|   |      |\r\n  |     |\r\n");
  // After the last pipe nothing changes: cmark-gfm would read a trailing
  // cell that became blanks as no cell at all.
  const auto open_row = blank_summary_table(test::source("## Summary Table\n| a | b\n| - | - |\n| c | d\n"), kSchema);
  ASSERT_TRUE(open_row);
  EXPECT_EQ(open_row->bytes, "|   | b\n| - | - |\n|   | d\n");
  EXPECT_EQ(rows->bytes.size(), end - begin);  // "Zoë" is 4 bytes, 4 spaces
}

TEST(TableBlanking, NothingWithoutTheHeadingOrWithoutRowsRightAfterIt) {
  EXPECT_FALSE(blank_summary_table(test::source("| a |\n| - |\n| 1 |\n"), kSchema));
  EXPECT_FALSE(blank_summary_table(test::source("## Summary Table\n\nIntro.\n| a |\n| - |\n"), kSchema));
  EXPECT_FALSE(blank_summary_table(test::source("## Summary Table\n\n    | a |\n    | - |\n"), kSchema));
  EXPECT_TRUE(blank_summary_table(test::source("## Summary Table ##\n| a |\n| - |\n"), kSchema));
}

// The guess is checked: rows that do not end up in the managed table (here
// they are in a fenced code block) make parse_tracker read the document as
// written, so the code block's text reaches the verifier intact.
TEST(TableBlanking, RowsOutsideTheManagedTableFallBackToTheDocumentAsWritten) {
  const std::string md =
      "# T\n\n```\n## Summary Table\n| keep | this |\n| - | - |\n```\n\n## Summary Table\n\n| Risk |\n| --- |\n| A |\n";
  const SourceFile src = test::source(md);
  ASSERT_TRUE(blank_summary_table(src, kSchema));  // the first heading is the fenced one
  EXPECT_EQ(fuzz::check_pipeline(md), "");
  const TrackerWithTree kept = parse_tracker_with_tree(src, kSchema);
  const TrackerWithTree plain = parse_tracker_with_tree(src, kSchema, TableCells::AsWritten);
  EXPECT_EQ(first_difference(content_signature(plain), content_signature(kept), false), "");
  const Tracker& t = kept.tracker;
  ASSERT_TRUE(t.table);
  EXPECT_EQ(t.table->first_line, 11u);
}

std::vector<std::string> every_tracker_in_the_repo() {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(MDRISK_FIXTURES_DIR)) {
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path().string());
  }
  return files;
}

// P8 of the fuzz properties, on every Markdown file under fixtures/.
TEST(TableBlanking, EveryFixtureLintsAndVerifiesTheSameAsWritten) {
  const auto files = every_tracker_in_the_repo();
  ASSERT_GT(files.size(), 80u);  // inputs, fixed outputs and the seed files
  std::size_t blanked = 0;
  for (const std::string& f : files) {
    const SourceFile src = test::source(test::read_file(f), "input.md");
    blanked += blank_summary_table(src, kSchema).has_value();
    try {
      fuzz::check_blanking(src);
    } catch (const fuzz::Broken& b) {
      ADD_FAILURE() << f << ": " << b.message;
    }
  }
  EXPECT_GT(blanked, files.size() / 2) << "the fast path should apply to most fixtures";
}

}  // namespace
