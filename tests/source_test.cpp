// SourceFile: validation, line index, position conversion.
#include <gtest/gtest.h>

#include "mdrisk/source.hpp"

using namespace mdrisk;

TEST(SourceFile, RejectsInvalidUtf8WithOffset) {
  auto r = SourceFile::from_bytes("x.md", std::string("ok\n\xC3\x28 bad"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "is not valid UTF-8 (bad byte at offset 3)");
}

TEST(SourceFile, RejectsNulBytes) {
  auto r = SourceFile::from_bytes("x.md", std::string("a\0b", 3));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("NUL byte at offset 1"), std::string::npos);
}

TEST(SourceFile, RejectsUtf16) {
  auto r = SourceFile::from_bytes("x.md", std::string("\xFF\xFE#\0 \0", 6));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("UTF-16"), std::string::npos);
}

TEST(SourceFile, DetectsCrlfAndBom) {
  auto r = SourceFile::from_bytes("x.md", "\xEF\xBB\xBF# T\r\n\r\ntext\r\n");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->has_bom());
  EXPECT_EQ(r->line_ending(), LineEnding::CrLf);
  EXPECT_EQ(r->body().substr(0, 3), "# T");
  EXPECT_EQ(r->line_count(), 3u);
  EXPECT_EQ(r->line_text(1), "# T");
  EXPECT_TRUE(r->line_is_blank(2));
  EXPECT_EQ(r->line_text(3), "text");
  // cmark's columns on line 1 are relative to the body, after the BOM.
  EXPECT_EQ(r->offset_of(1, 1), 3u);
  EXPECT_EQ(r->position_of(3).column, 1u);
}

TEST(SourceFile, ColumnsCountCharactersNotBytes) {
  auto r = SourceFile::from_bytes("x.md", "a\n日本語 x\n");
  ASSERT_TRUE(r);
  const std::size_t x = r->bytes().find('x');
  EXPECT_EQ(r->position_of(x).line, 2u);
  EXPECT_EQ(r->position_of(x).column, 5u);
}

TEST(SourceFile, FinalNewline) {
  EXPECT_TRUE(SourceFile::from_bytes("x", "a\n")->ends_with_newline());
  EXPECT_FALSE(SourceFile::from_bytes("x", "a")->ends_with_newline());
  EXPECT_FALSE(SourceFile::from_bytes("x", "")->ends_with_newline());
}

TEST(SourceFile, LoneCarriageReturnIsALineEnding) {
  auto r = SourceFile::from_bytes("x.md", "a\rb\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->line_count(), 2u);
  EXPECT_EQ(r->line_text(2), "b");
}
