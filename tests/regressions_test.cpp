// Regression tests for library bugs found by the reliability work (spec
// corpus, fuzzing, pathological inputs). Each test names the input that broke.
#include <gtest/gtest.h>

#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"
#include "test_support.hpp"

namespace {

using namespace mdrisk;

// Found by the spec corpus (example 301 inside **Context**): an item holding
// two adjacent lists that differ only by bullet ("- foo\n- bar\n+ baz") had
// its `+` rewritten to `-` by MR404, merging the two lists into one (a
// different rendering) and passing the fixer's per-item content check.
// Under a bare label (whose items MR404 covers), '-' and '+' siblings are
// two lists; rewriting '+' would merge them and change the rendering.
TEST(Regressions, BulletStyleFixNeverMergesAdjacentLists) {
  const std::string nested =
      "  - foo\n"
      "  - bar\n"
      "  + baz\n";
  const std::string doc =
      "# T\n\n## Summary Table\n\n"
      "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
      "| ---- | ------ | ---------- | ---------- | ----- | ------ |\n"
      "| A    | High   | Low        | M          | O     | Open   |\n\n"
      "## Detailed Entries\n\n### A\n\n"
      "- **Context**: c.\n"
      "- **Mitigation**\n\n" +
      nested +
      "\n- **Monitoring**: w.\n";
  auto fixed = fix_source(test::source(doc), LintOptions{}, FixOptions{});
  ASSERT_TRUE(fixed) << fixed.error().message;
  EXPECT_NE(fixed->output.find(nested), std::string::npos) << fixed->output;
  // The finding is still reported, without a fix.
  bool reported = false;
  for (const Diagnostic& d : fixed->remaining) {
    if (d.code == "MR404") {
      reported = true;
      EXPECT_FALSE(d.fix.has_value());
    }
  }
  EXPECT_TRUE(reported);
}

}  // namespace

namespace {

using namespace mdrisk;

// Found by fuzzing (fuzz/regressions/p3-*): the last entry ends in a fenced
// code block or HTML comment left open to the end of the file, and a row has
// no entry. MR201's unsafe stub was appended inside the open block, never
// parsed as an entry, and was proposed again every pass: --unsafe-fixes
// failed with "fixes did not converge after 16 passes (this is a bug)".
// Rows A and B; only A has an entry, so MR201 offers a stub for B.
const std::string kRowBWithoutEntry =
    "# T\n\n## Summary Table\n\n"
    "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
    "| ---- | ------ | ---------- | ---------- | ----- | ------ |\n"
    "| A    | High   | Low        | M          | O     | Open   |\n"
    "| B    | High   | Low        | M          | O     | Open   |\n\n"
    "## Detailed Entries\n\n### A\n\n"
    "- **Context**: c.\n- **Mitigation**: m.\n- **Monitoring**: w.\n\n";

TEST(Regressions, StubEntryIsNotOfferedInsideABlockOpenToTheEnd) {
  for (const std::string opener : {"```\nunclosed fence\n", "<!-- unclosed comment\n", "~~~~\n### B\n"}) {
    const std::string doc =
        kRowBWithoutEntry + opener;
    FixOptions options;
    options.unsafe = true;
    auto fixed = fix_source(test::source(doc), LintOptions{}, options);
    ASSERT_TRUE(fixed) << opener << ": " << fixed.error().message;
    EXPECT_EQ(fixed->output, doc);
    bool reported = false;
    for (const Diagnostic& d : fixed->remaining) reported = reported || (d.code == "MR201" && !d.fix);
    EXPECT_TRUE(reported) << "MR201 is still reported, without a fix";
  }
  // A closed fence is no obstacle: the stub is inserted after it.
  const std::string closed = kRowBWithoutEntry + "```\ncode\n```\n";
  FixOptions options;
  options.unsafe = true;
  auto fixed = fix_source(test::source(closed), LintOptions{}, options);
  ASSERT_TRUE(fixed) << fixed.error().message;
  EXPECT_NE(fixed->output.find("### B"), std::string::npos) << fixed->output;
}

}  // namespace

namespace {

using namespace mdrisk;

// Found by fuzzing (fuzz/regressions/p3-risk-named-only-backticks.md): a
// Summary Table row whose risk name is only backticks, `*` or `_` (e.g.
// "```") normalises to an empty key that no heading matches; MR201's stub
// was inserted on every pass and --unsafe-fixes failed to converge.
TEST(Regressions, NoStubForARiskNameThatNormalisesToNothing) {
  // Found next (fuzz/regressions/p3-risk-name-ending-in-hashes.md): "Name ###"
  // gives the stub heading "### Name ###", whose closing hashes are dropped.
  for (const std::string name : {"```", "**", "___", "A ##"}) {
    const std::string doc =
        "# T\n\n## Summary Table\n\n"
        "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
        "| ---- | ------ | ---------- | ---------- | ----- | ------ |\n"
        "| " + name + std::string(4 - name.size(), ' ') + " | High   | Low        | M          | O     | Open   |\n\n"
        "## Detailed Entries\n";
    FixOptions options;
    options.unsafe = true;
    auto fixed = fix_source(test::source(doc), LintOptions{}, options);
    ASSERT_TRUE(fixed) << name << ": " << fixed.error().message;
    EXPECT_EQ(fixed->output, doc) << name;
  }
}

}  // namespace
