// The command end to end: exit codes, one-line errors, --fix / --diff / stdin.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using mdrisk::test::read_file;
using mdrisk::test::run_mdrisk;
using mdrisk::test::temp_dir;
using mdrisk::test::write_file;

namespace {

const std::string kSeed = std::string(MDRISK_FIXTURES_DIR) + "/seed/risk-mitigation.md";
const std::string kCanonical = std::string(MDRISK_FIXTURES_DIR) + "/seed/risk-mitigation.canonical.md";
const std::string kClean = std::string(MDRISK_SOURCE_DIR) + "/docs/examples/seed-schema/tracker.md";

TEST(Cli, SeedTrackerFailsWithItsFindings) {
  const std::string dir = temp_dir();
  write_file(dir + "/risks.md", read_file(kSeed));
  auto r = run_mdrisk({"--format", "concise", "risks.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "");
  for (const char* risk : {"Cross-platform binary behavior", "Attachment storage bloat", "Telemetry overload",
                           "Documentation lag"}) {
    EXPECT_NE(r.out.find(std::string("error: risk '") + risk + "' has no detailed entry [MR201]"), std::string::npos)
        << risk;
  }
  EXPECT_NE(r.out.find("risks.md:23:5: warning: label 'Mitigation Actions' should be 'Mitigation' [MR303]"),
            std::string::npos);
  EXPECT_NE(r.out.find("Found 20 problems (4 errors, 16 warnings) in 1 file.\n"), std::string::npos) << r.out;
}

TEST(Cli, CanonicalTrackerPrintsOnlyTheSummary) {
  auto r = run_mdrisk({"--no-config", kClean});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "All checks passed (1 file).\n");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, BadInputIsOneLineExitTwoAndUntouched) {
  const std::string dir = temp_dir();
  write_file(dir + "/latin1.md", "# Caf\xE9\n");
  write_file(dir + "/binary.md", std::string("# T\n\0\1\2", 7));
  struct Case {
    std::string file, message;
  } cases[] = {
      {"missing.md", "mdrisk: missing.md: cannot read file: No such file or directory\n"},
      {"latin1.md", "mdrisk: latin1.md: is not valid UTF-8 (bad byte at offset 5)\n"},
      {"binary.md", "mdrisk: binary.md: contains a NUL byte at offset 4 (binary file?)\n"},
  };
  for (const auto& c : cases) {
    for (const char* mode : {"--format=concise", "--fix"}) {
      const std::string before = read_file(dir + "/" + c.file);
      auto r = run_mdrisk({mode, c.file}, "", dir);
      EXPECT_EQ(r.exit_code, 2) << c.file << " " << mode;
      EXPECT_EQ(r.err, c.message) << mode;
      EXPECT_EQ(read_file(dir + "/" + c.file), before) << "the file was touched: " << c.file;
    }
  }
}

TEST(Cli, FixInPlaceKeepsModeAndCrlfThenSecondFixChangesNothing) {
  const std::string dir = temp_dir();
  std::string crlf;
  for (char c : read_file(kSeed)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  write_file(dir + "/t.md", crlf);
  ::chmod((dir + "/t.md").c_str(), 0640);
  auto r = run_mdrisk({"--fix", "t.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 1) << "errors remain (missing entries)";
  EXPECT_NE(r.out.find("Fixed 12 problems.\n"), std::string::npos) << r.out;
  std::string expected;
  for (char c : read_file(kCanonical)) {
    if (c == '\n') expected += '\r';
    expected += c;
  }
  EXPECT_EQ(read_file(dir + "/t.md"), expected);
  struct stat st {};
  ASSERT_EQ(::stat((dir + "/t.md").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  r = run_mdrisk({"--diff", "t.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

TEST(Cli, DiffShowsWhatFixWouldDoAndWritesNothing) {
  const std::string dir = temp_dir();
  write_file(dir + "/t.md", read_file(kSeed));
  auto r = run_mdrisk({"--diff", "t.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.substr(0, 25), "--- a/t.md\n+++ b/t.md\n@@ ");
  EXPECT_NE(r.out.find("\n-### Rust Submodule Divergence\n+### Rust submodule divergence\n"), std::string::npos)
      << r.out;
  EXPECT_EQ(read_file(dir + "/t.md"), read_file(kSeed));
}

TEST(Cli, FixFromStdinWritesTheDocumentToStdout) {
  auto r = run_mdrisk({"--fix", "-"}, read_file(std::string(MDRISK_FIXTURES_DIR) + "/seed/risk-mitigation.flattened.md"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, read_file(kCanonical));
  EXPECT_NE(r.err.find("<stdin>:"), std::string::npos) << "findings go to stderr when stdout is the document";
}

TEST(Cli, JsonIsAStableArray) {
  auto r = run_mdrisk({"--format", "json", kSeed});
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 20u);
  const auto& first = j[0];
  for (const char* key : {"file", "code", "name", "severity", "message", "range", "related", "fix"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  EXPECT_EQ(first["range"]["start"]["line"], 7);
  EXPECT_EQ(first["range"]["start"]["column"], 1);
}

TEST(Cli, VersionHelpAndRules) {
  auto r = run_mdrisk({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "mdrisk 0.1.0\n");
  r = run_mdrisk({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--fix"), std::string::npos);
  r = run_mdrisk({"rules"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("MR201  missing-entry"), std::string::npos) << r.out;
  r = run_mdrisk({"--bogus"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_mdrisk({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mdrisk: no files given (see `mdrisk --help`)\n");
}

}  // namespace
