// Replays every saved fuzz input (fuzz/regressions/*) and every fixture
// input through the fuzz target's property checks (fuzz/properties.hpp), so
// a crash or broken property found by fuzzing stays fixed in the normal and
// sanitizer test runs, without clang or libFuzzer.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "../fuzz/properties.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> inputs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(std::string(MDRISK_SOURCE_DIR) + "/fuzz/regressions")) {
    if (e.is_regular_file()) out.push_back(e.path().string());
  }
  for (const auto& e : fs::directory_iterator(MDRISK_FIXTURES_DIR)) {
    if (fs::exists(e.path() / "input.md")) out.push_back((e.path() / "input.md").string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FuzzRegressions, EverySavedInputKeepsEveryProperty) {
  const auto files = inputs();
  ASSERT_FALSE(files.empty());
  for (const std::string& f : files) {
    EXPECT_EQ(mdrisk::fuzz::check_pipeline(mdrisk::test::read_file(f)), "") << f;
  }
}

}  // namespace
