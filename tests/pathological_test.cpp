// Pathological inputs, generated here: each must end in a correct result or a
// clear exit-2 error, never a crash or a hang. Every case runs the built
// binary three times under a watchdog (a child-process timeout, far above
// any real run; it is a hang guard, not a performance assertion):
//   mdrisk FILE          lint: exit 0 or 1, or 2 with one line `mdrisk: FILE: ...`
//   mdrisk --fix FILE    the same; exit 2 leaves the file byte-identical
//   mdrisk --fix FILE    again: nothing left to change (idempotent)
// and prints one line per case for docs/RELIABILITY.md:
//   ctest --test-dir build-rel -R Pathological -V | grep 'pathological\['
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <regex>

#include "test_support.hpp"

namespace fs = std::filesystem;
using mdrisk::test::read_file;
using mdrisk::test::temp_dir;
using mdrisk::test::write_file;

namespace {

constexpr int kWatchdogSeconds = 900;

struct ProcRun {
  int exit_code = -1;  // 128+N: killed by signal N (137: the watchdog)
  std::string out, err;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

ProcRun run(const std::vector<std::string>& args, const std::string& dir) {
  std::string cmd = "timeout -s KILL " + std::to_string(kWatchdogSeconds) + " " + quote(MDRISK_BINARY);
  for (const auto& a : args) cmd += " " + quote(a);
  cmd += " </dev/null >" + quote(dir + "/out") + " 2>" + quote(dir + "/err");
  const int status = std::system(cmd.c_str());
  ProcRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(dir + "/out");
  r.err = read_file(dir + "/err");
  return r;
}

// Exit 2 must come with exactly one line `mdrisk: FILE: problem`.
void expect_clear_error(const ProcRun& r, const std::string& path, const std::string& what) {
  const std::string prefix = "mdrisk: " + path + ": ";
  EXPECT_EQ(r.err.rfind(prefix, 0), 0u) << what << ": " << r.err.substr(0, 300);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << what << ": " << r.err.substr(0, 300);
  EXPECT_GT(r.err.size(), prefix.size() + 1) << what;
}

std::string first_line(const std::string& s) { return s.substr(0, std::min(s.find('\n'), std::size_t{120})); }

// Runs lint, --fix and --fix again on `bytes`; returns the summary printed
// for the reliability table.
// `refusal`: with exit 2, the error line must contain it (the construct
// the input guard names).
std::string check_case(const std::string& name, const std::string& bytes, const std::vector<int>& lint_codes,
                       const std::vector<std::string>& extra = {}, const std::string& refusal = "") {
  const std::string dir = temp_dir();
  const std::string path = dir + "/" + name + ".md";
  write_file(path, bytes);
  std::vector<std::string> args = extra;
  args.push_back(path);

  const ProcRun lint = run(args, dir);
  EXPECT_NE(lint.exit_code, 137) << name << ": lint hit the " << kWatchdogSeconds << " s watchdog";
  EXPECT_LT(lint.exit_code, 128) << name << ": lint killed by a signal";
  EXPECT_NE(std::find(lint_codes.begin(), lint_codes.end(), lint.exit_code), lint_codes.end())
      << name << ": lint exit " << lint.exit_code << "\n" << lint.err.substr(0, 500);
  if (lint.exit_code == 2) {
    expect_clear_error(lint, path, name + " lint");
    if (!refusal.empty()) EXPECT_NE(lint.err.find(refusal), std::string::npos) << name << ": " << lint.err;
  } else {
    EXPECT_EQ(lint.err, "") << name;
  }

  std::vector<std::string> fix_args = {"--fix"};
  fix_args.insert(fix_args.end(), args.begin(), args.end());
  const ProcRun fix = run(fix_args, dir);
  EXPECT_NE(fix.exit_code, 137) << name << ": --fix hit the watchdog";
  EXPECT_LT(fix.exit_code, 128) << name << ": --fix killed by a signal";
  const std::string after = read_file(path);
  std::string fixed_note;
  if (fix.exit_code == 2) {
    expect_clear_error(fix, path, name + " --fix");
    EXPECT_EQ(after, bytes) << name << ": exit 2 but the file changed";
    fixed_note = "exit 2 (" + first_line(fix.err.substr(std::min(fix.err.size(), path.size() + 10))) + "), file untouched";
  } else {
    EXPECT_TRUE(fix.exit_code == 0 || fix.exit_code == 1) << name << ": --fix exit " << fix.exit_code;
    const ProcRun again = run(fix_args, dir);
    EXPECT_EQ(again.exit_code, fix.exit_code) << name;
    EXPECT_EQ(read_file(path), after) << name << ": a second --fix changed the file";
    fixed_note = "exit " + std::to_string(fix.exit_code) + ", " +
                 (after == bytes ? std::string("unchanged") : std::to_string(after.size()) + " bytes written") +
                 ", second --fix: no change";
  }
  std::string lint_note = "exit " + std::to_string(lint.exit_code);
  if (lint.exit_code == 2) lint_note += " (" + first_line(lint.err.substr(std::min(lint.err.size(), path.size() + 10))) + ")";
  const std::string summary = "pathological[" + name + "]: " + std::to_string(bytes.size()) + " bytes; lint " +
                              lint_note + "; --fix " + fixed_note;
  std::printf("%s\n", summary.c_str());
  fs::remove_all(dir);
  return summary;
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kHeader = "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n";
const std::string kDelimiter = "|---|---|---|---|---|---|\n";

std::string tracker(const std::string& table_rows, const std::string& entries) {
  return "# Tracker\n\n## Summary Table\n\n" + kHeader + kDelimiter + table_rows + "\n## Detailed Entries\n\n" +
         entries;
}

std::string entry(const std::string& name) {
  return "### " + name + "\n\n- **Context**: c.\n- **Mitigation**: m.\n- **Monitoring**: w.\n\n";
}

TEST(Pathological, DeepBlockQuote) {
  check_case("blockquote-10000-deep", repeat(">", 10000) + " deep\n", {2}, {}, "nested more than 100 deep");
}

TEST(Pathological, DeepBlockQuoteInsideAnEntry) {
  check_case("entry-blockquote-10000-deep",
             tracker("| A | High | Low | M | O | Open |\n", entry("A") + repeat(">", 10000) + " deep\n"), {2}, {},
             "nested more than 100 deep");
}

TEST(Pathological, DeepList) {
  check_case("list-10000-deep", repeat("- ", 10000) + "deep\n", {2}, {}, "nested more than 100 deep");
}

TEST(Pathological, DeepListInsideAnEntryContext) {
  check_case("entry-list-10000-deep",
             tracker("| A | High | Low | M | O | Open |\n",
                     "### A\n\n- **Context**: " + repeat("- ", 10000) + "deep\n- **Mitigation**: m\n"),
             {0, 1});
}

TEST(Pathological, Table5000Columns) {
  std::string header = "| Risk | Impact | Likelihood | Mitigation | Owner | Status |";
  std::string delim = "|---|---|---|---|---|---|";
  std::string row = "| A | high | Low | M | O | Open |";
  for (int i = 7; i <= 5000; ++i) {
    header += " C" + std::to_string(i) + " |";
    delim += "---|";
    row += " v |";
  }
  check_case("table-5000-columns",
             "# T\n\n## Summary Table\n\n" + header + "\n" + delim + "\n" + row + "\n\n## Detailed Entries\n\n" + entry("A"),
             {2}, {}, "a table row of more than 256 cells");
}

TEST(Pathological, Table100000Rows) {
  std::string rows;
  for (int i = 0; i < 100000; ++i) rows += "| Risk " + std::to_string(i) + " | high | Low | M | O | Open |\n";
  check_case("table-100000-rows", tracker(rows, entry("Risk 0")), {1});
}

TEST(Pathological, TenMegabyteLine) {
  check_case("line-10MB", std::string(10u << 20, 'a') + "\n", {1});
}

TEST(Pathological, TenMegabyteTableCell) {
  check_case("cell-10MB", tracker("| A | High | Low | " + std::string(10u << 20, 'm') + " | O | Open |\n", entry("A")),
             {0, 1});
}

TEST(Pathological, OpenBrackets) {
  check_case("brackets-50000", tracker("| A | High | Low | M | O | Open |\n", entry("A")) + repeat("[", 50000) + "\n",
             {2}, {}, "link openers");
}

TEST(Pathological, BracketsInACell) {
  check_case("cell-brackets-20000", tracker("| A | High | Low | " + repeat("[a](", 5000) + repeat("[", 20000) +
                                                " | O | Open |\n",
                                            entry("A")),
             {0, 1});
}

TEST(Pathological, Asterisks) {
  check_case("asterisks-50000",
             "# T\n\n" + repeat("*a ", 25000) + "\n\n" + repeat("*", 50000) + "\n\n" + repeat("**a* ", 10000) + "\n",
             {2}, {}, "emphasis delimiters");
}

TEST(Pathological, BacktickRuns) {
  // Runs of 1..2000 backticks, none closed: the classic quadratic code-span scan.
  std::string s;
  for (int i = 1; i <= 2000; ++i) s += std::string(static_cast<std::size_t>(i), '`') + "a";
  check_case("backtick-runs-2000", tracker("| A | High | Low | M | O | Open |\n", entry("A") + s + "\n"), {0, 1});
}

TEST(Pathological, ManyHeadingsWithTheSameName) {
  std::string entries;
  for (int i = 0; i < 5000; ++i) entries += "### Same\n\n* **Context**: c.\n* **Mitigations**: m.\n\n";
  check_case("same-heading-5000", tracker("| Same | high | Low | M | O | Open |\n", entries), {1});
}

TEST(Pathological, ManyRowsWithTheSameName) {
  std::string rows;
  for (int i = 0; i < 5000; ++i) rows += "| Same | high | Low | M | O | Open |\n";
  check_case("same-row-5000", tracker(rows, entry("Same")), {1});
}

TEST(Pathological, NulBytes) {
  const std::string r = check_case("nul-bytes", tracker("| A | High | Low | M | O | Open |\n", entry("A")) +
                                                    std::string("a\0b\0", 4) + "\n",
                                   {2});
  EXPECT_NE(r.find("NUL"), std::string::npos) << r;
}

TEST(Pathological, InvalidUtf8) {
  const std::string r = check_case("invalid-utf8", "# T\n\nbad \xC3\x28 and \xFF\xFE\xFD and \xED\xA0\x80 surrogate\n", {2});
  EXPECT_NE(r.find("UTF-8"), std::string::npos) << r;
}

TEST(Pathological, TruncatedUtf8AtEnd) {
  check_case("truncated-utf8", "# T\n\nends mid-character \xE2\x82", {2});
}

TEST(Pathological, Utf16WithBom) {
  std::string text = "\xFF\xFE";
  for (char c : std::string("# Tracker\n\n## Summary Table\n")) text += std::string{c, '\0'};
  const std::string r = check_case("utf16-le-bom", text, {2});
  EXPECT_NE(r.find("UTF-16"), std::string::npos) << r;
  std::string be = "\xFE\xFF";
  for (char c : std::string("# Tracker\n")) be += std::string{'\0', c};
  check_case("utf16-be-bom", be, {2});
}

TEST(Pathological, EmptyFile) {
  check_case("empty", "", {1});
}

TEST(Pathological, OnlyABom) {
  const std::string r = check_case("only-bom", "\xEF\xBB\xBF", {1});
  EXPECT_NE(r.find("unchanged"), std::string::npos) << r;
}

TEST(Pathological, OnlyNewlinesAndCarriageReturns) {
  check_case("only-line-endings", repeat("\r\n\r\n\n\r", 100000), {1});
}

TEST(Pathological, AboveTheSizeLimitOption) {
  const std::string r = check_case("above-1MiB-limit", std::string((1u << 20) + 1, 'a'), {2}, {"--max-file-size", "1"});
  EXPECT_NE(r.find("1 MiB limit"), std::string::npos) << r;
}

TEST(Pathological, AtTheSizeLimitOption) {
  check_case("at-1MiB-limit", std::string((1u << 20) - 1, 'a') + "\n", {1}, {"--max-file-size", "1"});
}

TEST(Pathological, AboveTheDefaultSizeLimit) {
  // A sparse file one byte over 64 MiB: refused from its size, before reading.
  const std::string dir = temp_dir();
  const std::string path = dir + "/huge.md";
  write_file(path, "");
  fs::resize_file(path, (64u << 20) + 1);
  for (const bool fix : {false, true}) {
    std::vector<std::string> args;
    if (fix) args.push_back("--fix");
    args.push_back(path);
    const ProcRun r = run(args, dir);
    EXPECT_EQ(r.exit_code, 2);
    expect_clear_error(r, path, "64 MiB");
    EXPECT_NE(r.err.find("64 MiB limit (--max-file-size)"), std::string::npos) << r.err;
  }
  EXPECT_EQ(fs::file_size(path), (64u << 20) + 1);
  std::printf("pathological[above-64MiB-default]: %u bytes; lint exit 2; --fix exit 2 (%s), file untouched\n",
              (64u << 20) + 1, first_line(run({path}, dir).err.substr(path.size() + 10)).c_str());
  fs::remove_all(dir);
}

TEST(Pathological, StdinAboveTheSizeLimit) {
  const std::string dir = temp_dir();
  write_file(dir + "/big", std::string((1u << 20) + 10, 'a'));
  const std::string cmd = "timeout -s KILL " + std::to_string(kWatchdogSeconds) + " " + quote(MDRISK_BINARY) +
                          " --max-file-size 1 - <" + quote(dir + "/big") + " >/dev/null 2>" + quote(dir + "/err");
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_EQ(read_file(dir + "/err"), "mdrisk: <stdin>: is larger than the 1 MiB limit (--max-file-size)\n");
  fs::remove_all(dir);
}

}  // namespace
