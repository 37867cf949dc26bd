// File discovery: globs, tracker detection, .gitignore through libgit2,
// include/exclude, explicit files, and the CLI walking folders.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "mdrisk/discover.hpp"
#include "discover/libgit2_loader.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

namespace {

const char* const kTracker = test::kOneRiskTracker;

void put(const std::string& root, const std::string& rel, const std::string& text) {
  fs::create_directories(fs::path(root + "/" + rel).parent_path());
  test::write_file(root + "/" + rel, text);
}

// A tree with trackers, non-trackers, an ignored folder and an ignored file.
std::string make_tree(bool git) {
  const std::string root = test::temp_dir();
  put(root, "risks.md", kTracker);
  put(root, "README.md", "# Readme\n\nNo tracker here.\n");
  put(root, "docs/team/tracker.markdown", kTracker);
  put(root, "docs/notes.md", "## Summary Table mentioned in `code`? no: a heading is needed\n");
  put(root, "docs/setext.md", "Summary Table\n-------------\n");
  put(root, "docs/fenced.md", "```\n## Summary Table\n```\n");
  put(root, "docs/tracker.txt", kTracker);  // not Markdown
  put(root, "build/out/tracker.md", kTracker);
  put(root, "drafts/wip.md", kTracker);
  put(root, "secret.md", kTracker);
  put(root, ".gitignore", "build/\nsecret.md\n");
  if (git) EXPECT_EQ(std::system(("git init -q " + root).c_str()), 0);
  return root;
}

std::vector<std::string> rel(const std::vector<std::string>& files, const std::string& root) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(fs::path(f).lexically_relative(root).generic_string());
  return out;
}

}  // namespace

TEST(Glob, Basics) {
  EXPECT_TRUE(glob_match("*.md", "risks.md"));
  EXPECT_FALSE(glob_match("*.md", "docs/risks.md"));
  EXPECT_TRUE(glob_match("docs/**/*.md", "docs/a/b/risks.md"));
  EXPECT_TRUE(glob_match("docs/**/*.md", "docs/risks.md"));
  EXPECT_TRUE(glob_match("**/risks.md", "risks.md"));
  EXPECT_TRUE(glob_match("docs/**", "docs/x/y"));
  EXPECT_TRUE(glob_match("r?sk[s0-9].md", "risk5.md"));
  EXPECT_FALSE(glob_match("r?sk[!s].md", "risks.md"));
  EXPECT_FALSE(glob_match("?", "/"));
}

TEST(HasHeading, AtxSetextFencesAndEmphasis) {
  EXPECT_TRUE(has_heading("x\n\n## Summary Table\n", "Summary Table"));
  EXPECT_TRUE(has_heading("##   summary   table ##\r\n", "Summary Table"));
  EXPECT_TRUE(has_heading("## **Summary Table**\n", "Summary Table"));
  EXPECT_TRUE(has_heading("Summary Table\n===\n", "Summary Table"));
  EXPECT_FALSE(has_heading("```\n## Summary Table\n```\n", "Summary Table"));
  EXPECT_FALSE(has_heading("The Summary Table\n", "Summary Table"));
  EXPECT_FALSE(has_heading("    ## Summary Table\n", "Summary Table"));  // indented code
  EXPECT_TRUE(has_heading("# Risks\n## Overview\n", "Overview"));
}

TEST(Discover, WalksForTrackersAndRespectsGitignore) {
  const std::string root = make_tree(true);
  DiscoverOptions opt;
  opt.root = root;
  auto found = discover_files({root}, opt);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(rel(found->files, root),
            (std::vector<std::string>{"docs/setext.md", "docs/team/tracker.markdown", "drafts/wip.md", "risks.md"}));
}

TEST(Discover, WithoutGitOrWithGitignoreOffIgnoredFilesAreWalked) {
  const std::string plain = make_tree(false);
  DiscoverOptions opt;
  opt.root = plain;
  auto found = discover_files({plain}, opt);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->files.size(), 6u);
  const std::string repo = make_tree(true);
  opt.root = repo;
  opt.respect_gitignore = false;
  found = discover_files({repo}, opt);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->files.size(), 6u);
}

TEST(Discover, IncludeAndExcludeGlobs) {
  const std::string root = make_tree(true);
  DiscoverOptions opt;
  opt.root = root;
  opt.exclude = {"drafts", "docs/team/**"};
  opt.include = {"README.md", "docs/*.txt"};
  auto found = discover_files({root}, opt);
  ASSERT_TRUE(found);
  EXPECT_EQ(rel(found->files, root),
            (std::vector<std::string>{"README.md", "docs/setext.md", "docs/tracker.txt", "risks.md"}));
}

TEST(Discover, ExplicitFilesAlwaysUnlessFiltered) {
  const std::string root = make_tree(true);
  DiscoverOptions opt;
  opt.root = root;
  opt.exclude = {"drafts"};
  const std::vector<std::string> args = {root + "/secret.md", root + "/README.md", root + "/drafts/wip.md",
                                         root + "/missing.md", "-", root + "/risks.md"};
  auto found = discover_files(args, opt);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->files.front(), "-");
  EXPECT_EQ(found->files.size(), 6u);  // sorted, "-" first, the missing one kept for the linter to report
  opt.filter_explicit = true;
  found = discover_files(args, opt);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->files, (std::vector<std::string>{"-", root + "/missing.md", root + "/risks.md"}));
  EXPECT_EQ(found->skipped_explicit.size(), 3u);
}

TEST(Discover, CliWalksTheCurrentFolderInPathOrder) {
  const std::string root = make_tree(true);
  put(root, "docs/setext.md", "Summary Table\n-------------\n");  // a tracker heading and nothing else
  const auto r = test::run_mdrisk({"--format", "concise", "--select", "MR002", "."}, "", root);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(r.out,
            "docs/setext.md:1:1: error: section `## Summary Table` contains no table [MR002]\n"
            "Found 1 problem (1 error, 0 warnings) in 4 files.\n");
  const auto excluded = test::run_mdrisk({"--exclude", "docs", "."}, "", root);
  EXPECT_EQ(excluded.exit_code, 0) << excluded.out;
  EXPECT_EQ(excluded.out, "All checks passed (2 files).\n");
}

TEST(Discover, ConfigGlobsAreRelativeToTheConfigFolder) {
  // .mdrisk.toml at the top; mdrisk runs in sub/. The config's globs name
  // paths from the top, the command line's from sub/.
  const std::string root = make_tree(true);
  put(root, ".mdrisk.toml", "[files]\ninclude = [\"sub/extra/*.txt\"]\nexclude = [\"sub/drafts\"]\n");
  put(root, "sub/risks.md", kTracker);
  put(root, "sub/extra/list.txt", kTracker);
  put(root, "sub/drafts/wip.md", kTracker);
  put(root, "sub/more/other.md", kTracker);
  const auto r = test::run_mdrisk({"--format", "concise", "--exclude", "more/*.md", "-v", "."}, "", root + "/sub");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "All checks passed (2 files).\n") << r.err;  // risks.md and extra/list.txt
}

// libgit2 is opened on demand (lib/src/libgit2_loader.hpp).
namespace {

TEST(Libgit2Loader, LoadsTheLibraryTheBuildWasMadeAgainst) {
  std::string why;
  ASSERT_NE(mdrisk::libgit2(&why), nullptr) << why;
  EXPECT_NE(mdrisk::libgit2()->ignore_path_is_ignored, nullptr);
}

TEST(Libgit2Loader, AFailedLoadSaysWhichLibraryAndWhy) {
  mdrisk::Libgit2 api{};
  std::string why;
  EXPECT_FALSE(mdrisk::load_libgit2("libgit2-mdrisk-test-missing.so.0", api, why));
  EXPECT_NE(why.find("cannot load libgit2-mdrisk-test-missing.so.0"), std::string::npos) << why;
}

TEST(Libgit2Loader, ALibraryWithoutTheFunctionsIsRefusedByName) {
  mdrisk::Libgit2 api{};
  std::string why;
  // libc is loaded in every process and has none of git's functions.
  EXPECT_FALSE(mdrisk::load_libgit2("libc.so.6", api, why));
  EXPECT_EQ(why, "libgit2 has no git_libgit2_init");
}

}  // namespace
