// Input encodings and line endings at the edges: UTF-32 named as such, a
// file of NULs refused after its first chunk, CR-only files fixed with CR.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "mdrisk/fix.hpp"
#include "mdrisk/io.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using mdrisk::test::temp_dir;

namespace {

TEST(Encodings, Utf32IsNamedAsUtf32) {
  const std::string le("\xFF\xFE\0\0#\0\0\0", 8), be("\0\0\xFE\xFF\0\0\0#", 8);
  for (const std::string& b : {le, be}) {
    auto r = mdrisk::SourceFile::from_bytes("x.md", b);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, "is UTF-32 encoded; mdrisk reads UTF-8 only");
  }
  auto utf16 = mdrisk::SourceFile::from_bytes("x.md", std::string("\xFF\xFE#\0", 4));
  ASSERT_FALSE(utf16);
  EXPECT_EQ(utf16.error().message, "is UTF-16 encoded; mdrisk reads UTF-8 only");
}

// Bytes this process has read so far (/proc/self/io rchar).
long long bytes_read() {
  std::ifstream io("/proc/self/io");
  std::string key;
  long long value = 0;
  while (io >> key >> value) {
    if (key == "rchar:") return value;
  }
  return -1;
}

TEST(Encodings, AFileOfNulsIsRefusedWithoutReadingItAll) {
  const std::string dir = temp_dir(), path = dir + "/zeros.md";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, 256 << 20), 0);  // sparse: 256 MiB of NULs
  ::close(fd);
  if (bytes_read() < 0) GTEST_SKIP() << "/proc/self/io is not readable here";
  const long long before = bytes_read();
  auto r = mdrisk::read_source(path, std::size_t{512} << 20);
  const long long read = bytes_read() - before;
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "contains a NUL byte at offset 0 (binary file?)");
  EXPECT_LT(read, 16 << 20) << "read " << read << " bytes of a 256 MiB file";
  fs::remove_all(dir);
}

TEST(Encodings, CrOnlyFilesGetCrLinesFromFix) {
  std::string doc =
      "# T\r\r## Summary Table\r\r| Risk | Impact | Likelihood | Mitigation | Owner | Status |\r|---|---|---|---|---|---|\r"
      "| A | high | Low | M | O | Open |\r\r## Detailed Entries\r\r### A\r\r* **Context**: c.\r* **Mitigation**: m.\r"
      "* **Monitoring**: w.\r";
  auto src = mdrisk::SourceFile::from_bytes("cr.md", doc);
  ASSERT_TRUE(src);
  EXPECT_EQ(src->line_ending(), mdrisk::LineEnding::Cr);
  auto fixed = mdrisk::fix_source(*src, mdrisk::LintOptions{}, mdrisk::FixOptions{});
  ASSERT_TRUE(fixed) << fixed.error().message;
  ASSERT_TRUE(fixed->changed());
  EXPECT_EQ(fixed->output.find('\n'), std::string::npos) << fixed->output;
  EXPECT_NE(fixed->output.find("| A    | High   |"), std::string::npos) << fixed->output;
}

}  // namespace
