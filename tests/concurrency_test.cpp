// Thread safety: linting and fixing many different documents at once gives
// exactly the sequential results (cmark-gfm's process-wide state is
// serialised in lib/src/markdown/markdown.cpp), and the CLI prints the same bytes
// whatever -j is. scripts/test.sh runs this under ASan+UBSan as well.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

namespace {

// Every fixture input, plus variants (renamed risks, CRLF) so that the
// documents in flight at one moment differ in shape and size.
std::vector<SourceFile> corpus() {
  std::vector<std::string> texts;
  for (const auto& e : fs::directory_iterator(MDRISK_FIXTURES_DIR)) {
    const fs::path input = e.path() / "input.md";
    if (fs::exists(input)) texts.push_back(test::read_file(input.string()));
  }
  std::sort(texts.begin(), texts.end());
  const std::size_t n = texts.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::string crlf;
    for (char c : texts[i]) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    texts.push_back(std::move(crlf));
    texts.push_back(texts[i] + "\n## Appendix " + std::to_string(i) + "\n\nMore text.\n");
  }
  std::vector<SourceFile> docs;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto s = SourceFile::from_bytes("doc" + std::to_string(i) + ".md", texts[i]);
    if (s) docs.push_back(std::move(*s));
  }
  return docs;
}

std::string lint_result(const SourceFile& src) { return format_json({{&src, lint(src, LintOptions{})}}); }

std::string fix_result(const SourceFile& src) {
  auto r = fix_source(src, LintOptions{}, FixOptions{true, 16});
  return r ? r->output + format_json({{&src, r->remaining}}) : "error: " + r.error().message;
}

// Runs `f` on every document from `threads` threads, each starting at a
// different offset, `rounds` times; returns what the first round computed.
template <typename F>
std::vector<std::string> concurrently(const std::vector<SourceFile>& docs, unsigned threads, F f) {
  std::vector<std::vector<std::string>> per_thread(threads, std::vector<std::string>(docs.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t k = 0; k < docs.size(); ++k) {
        const std::size_t i = (k + t * docs.size() / threads) % docs.size();
        per_thread[t][i] = f(docs[i]);
      }
    });
  }
  for (auto& th : pool) th.join();
  for (unsigned t = 1; t < threads; ++t) {
    for (std::size_t i = 0; i < docs.size(); ++i) EXPECT_EQ(per_thread[t][i], per_thread[0][i]) << "thread " << t;
  }
  return per_thread[0];
}

}  // namespace

TEST(Concurrency, LintingManyDocumentsAtOnceMatchesSequential) {
  const auto docs = corpus();
  ASSERT_GT(docs.size(), 50u);
  std::vector<std::string> sequential;
  for (const auto& d : docs) sequential.push_back(lint_result(d));
  const auto parallel = concurrently(docs, 6, lint_result);
  for (std::size_t i = 0; i < docs.size(); ++i) EXPECT_EQ(parallel[i], sequential[i]) << docs[i].name();
}

TEST(Concurrency, FixingManyDocumentsAtOnceMatchesSequential) {
  const auto docs = corpus();
  std::vector<std::string> sequential;
  for (const auto& d : docs) sequential.push_back(fix_result(d));
  const auto parallel = concurrently(docs, 4, fix_result);
  for (std::size_t i = 0; i < docs.size(); ++i) EXPECT_EQ(parallel[i], sequential[i]) << docs[i].name();
}

TEST(Concurrency, CliOutputDoesNotDependOnJobs) {
  for (const std::string format : {"concise", "text", "json", "sarif", "github"}) {
    const auto one = test::run_mdrisk({"-j", "1", "--format", format, MDRISK_FIXTURES_DIR});
    const auto many = test::run_mdrisk({"-j", "4", "--format", format, MDRISK_FIXTURES_DIR});
    EXPECT_EQ(one.exit_code, 1) << one.err;
    EXPECT_EQ(many.exit_code, one.exit_code);
    EXPECT_EQ(many.out, one.out) << format;
    EXPECT_EQ(many.err, one.err) << format;
    EXPECT_GT(one.out.size(), 1000u);
  }
  const auto diff1 = test::run_mdrisk({"-j", "1", "--diff", MDRISK_FIXTURES_DIR});
  const auto diff4 = test::run_mdrisk({"-j", "4", "--diff", MDRISK_FIXTURES_DIR});
  EXPECT_EQ(diff4.out, diff1.out);
  EXPECT_NE(diff1.out.find("+++ b/"), std::string::npos);
}

TEST(Concurrency, FixInPlaceWithManyJobs) {
  const std::string dir = test::temp_dir();
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(MDRISK_FIXTURES_DIR)) {
    const fs::path input = e.path() / "input.md";
    if (!fs::exists(input)) continue;
    const std::string copy = dir + "/" + e.path().filename().string() + ".md";
    fs::copy_file(input, copy);
    fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write);  // some inputs are read-only on purpose
    ++n;
  }
  const auto fixed = test::run_mdrisk({"-j", "4", "--fix", "--include", "*.md", "."}, "", dir);
  EXPECT_NE(fixed.exit_code, 2) << fixed.err;
  // A second run in one thread finds nothing more to fix.
  const auto again = test::run_mdrisk({"-j", "1", "--diff", "--include", "*.md", "."}, "", dir);
  EXPECT_EQ(again.out, "") << again.out.substr(0, 2000);
  EXPECT_GT(n, 10u);
}
