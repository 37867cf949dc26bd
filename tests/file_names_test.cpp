// File names that are not UTF-8 or hold control characters: every format
// prints them escaped (\xHH), JSON and SARIF stay valid, text output never
// carries a raw ESC or newline from a name, and a folder walk reports all.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "base/text.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using mdrisk::test::run_mdrisk;
using mdrisk::test::temp_dir;
using mdrisk::test::write_file;

namespace {

const std::string kTracker =
    "# T\n\n## Summary Table\n\n| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n|---|---|---|---|---|---|\n"
    "| A | high | Low | M | O | Open |\n\n## Detailed Entries\n";

TEST(FileNames, PrintableNameEscapesWhatCouldForgeOrBreakAReport) {
  using mdrisk::text::printable_name;
  EXPECT_EQ(printable_name("docs/risk tracker.md"), "docs/risk tracker.md");
  EXPECT_EQ(printable_name("caf\xC3\xA9.md"), "caf\xC3\xA9.md");
  EXPECT_EQ(printable_name("a\xFF" "b.md"), "a\\xFFb.md");
  EXPECT_EQ(printable_name("a\nb\x1B[31m.md"), "a\\x0Ab\\x1B[31m.md");
  EXPECT_EQ(printable_name("\xC2\x9B" "2J.md"), "\\xC2\\x9B2J.md");  // C1 CSI
  EXPECT_EQ(printable_name("\xE2\x82"), "\\xE2\\x82");              // truncated sequence
}

TEST(FileNames, EveryFormatHandlesANameThatIsNotUtf8) {
  const std::string dir = temp_dir();
  const std::string bad = dir + "/bad\xFF\x1B[31mname\nx.md";
  const std::string good = dir + "/good.md";
  write_file(bad, kTracker);
  write_file(good, kTracker);
  const std::string shown = dir + "/bad\\xFF\\x1B[31mname\\x0Ax.md";
  for (const std::string format : {"json", "sarif"}) {
    const auto r = run_mdrisk({"--no-config", "--format", format, dir});
    EXPECT_EQ(r.exit_code, 1) << format << ": " << r.err;
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(r.out)) << format;
    EXPECT_NE(r.out.find("good.md"), std::string::npos) << format << ": the walk lost the other file";
  }
  const auto json = run_mdrisk({"--no-config", "--format", "json", bad});
  EXPECT_EQ(nlohmann::json::parse(json.out).at(0).at("file"), shown);
  for (const std::string format : {"text", "concise", "github"}) {
    const auto r = run_mdrisk({"--no-config", "--format", format, "--color", "never", bad});
    EXPECT_EQ(r.exit_code, 1) << format;
    EXPECT_EQ(r.out.find('\x1B'), std::string::npos) << format << ": raw ESC printed";
    EXPECT_EQ(r.out.find("name\nx"), std::string::npos) << format << ": raw newline printed";
    EXPECT_NE(r.out.find(format == "github" ? "bad\\xFF\\x1B[31mname\\x0Ax.md" : shown), std::string::npos)
        << format << ":\n" << r.out.substr(0, 400);
  }
  // The one-line error for a file mdrisk cannot read is escaped too.
  const std::string missing = dir + "/gone\x1B.md";
  const auto r = run_mdrisk({missing});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mdrisk: " + dir + "/gone\\x1B.md: cannot read file: No such file or directory\n");
  fs::remove_all(dir);
}

}  // namespace
