// docs/examples: each complete register lints clean under its config and
// --fix leaves it byte-identical, so the documentation cannot rot.
#include <gtest/gtest.h>

#include <filesystem>

#include "mdrisk/config.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/output.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

TEST(ConfigExamples, EveryExampleLintsCleanAndIsCanonical) {
  const fs::path root = fs::path(MDRISK_SOURCE_DIR) / "docs" / "examples";
  int examples = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    ++examples;
    auto cfg = load_config((dir.path() / ".mdrisk.toml").string());
    ASSERT_TRUE(cfg) << dir.path() << ": " << cfg.error().message;
    const std::string text = test::read_file((dir.path() / "tracker.md").string());
    const SourceFile src = test::source(text, "tracker.md");
    EXPECT_EQ(format_concise({&src, lint(src, cfg->lint)}), "") << dir.path();
    auto fixed = fix_source(src, cfg->lint, FixOptions{});
    ASSERT_TRUE(fixed) << fixed.error().message;
    EXPECT_EQ(fixed->output, text) << dir.path();
  }
  EXPECT_EQ(examples, 20);
}

TEST(ConfigExamples, CliFindsTheNearestConfig) {
  // Run from the repository root: each tracker is linted with the config in its folder.
  const std::string root = MDRISK_SOURCE_DIR;
  auto r = test::run_mdrisk({"--format", "concise", "docs/examples/failure-modes/tracker.md",
                             "docs/examples/table-only/tracker.md"},
                            "", root);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "All checks passed (2 files).\n");
  // Without its config the failure-mode register breaks the default schema.
  r = test::run_mdrisk({"--no-config", "--format", "concise", "docs/examples/failure-modes/tracker.md"}, "", root);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("[MR101]"), std::string::npos) << r.out;
}

TEST(ConfigExamples, ConfigErrorIsOneLineWithPathAndExitTwo) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/.mdrisk.toml", "[tracker]\ntable-style = \"wide\"\n");
  test::write_file(dir + "/t.md", "# T\n");
  auto r = test::run_mdrisk({"t.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mdrisk: " + dir + "/.mdrisk.toml: line 2: 'table-style' must be one of \"aligned\", \"compact\", \"as-written\", not \"wide\"\n");
  EXPECT_EQ(r.out, "");
}

TEST(ConfigExamples, InitWritesDefaultsOnceThenRefuses) {
  const std::string dir = test::temp_dir();
  auto r = test::run_mdrisk({"init"}, "", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_file(dir + "/.mdrisk.toml"), default_config_toml());
  r = test::run_mdrisk({"init"}, "", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("already exists"), std::string::npos);
}
