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

TEST_P(Shape, FixLosesNoWord) {
  const std::string input = test::read_file(dir_of(GetParam()) + "/input.md");
  FixOptions options;
  options.unsafe = true;
  auto fixed = fix_source(test::source(input), hand_config(GetParam()), options);
  ASSERT_TRUE(fixed) << fixed.error().message;
  EXPECT_EQ(words(fixed->output), words(input));
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
