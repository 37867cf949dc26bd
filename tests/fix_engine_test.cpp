// The --fix loop and its safety checks, beyond what the golden fixtures show.
#include <gtest/gtest.h>

#include "fix/content_signature.hpp"
#include "mdrisk/fix.hpp"
#include "test_support.hpp"

using namespace mdrisk;

namespace {

const std::string kMessy =
    "# T\n"
    "## Summary Table\n"
    "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
    "|---|---|---|---|---|---|\n"
    "| B risk | low | Low | m | o | Open |\n"
    "| A risk | High | Low | m | o | Open |\n"
    "## Detailed Entries\n"
    "### a risk\n"
    "* **Monitoring**\n"
    "  * watch\n"
    "* **Context**: c\n"
    "* **Mitigation**\n"
    "  * act\n"
    "### B risk\n"
    "- **Context**: c\n"
    "- **Mitigation**\n"
    "- act\n";

std::string fixed(const std::string& text, bool unsafe = false) {
  FixOptions o;
  o.unsafe = unsafe;
  auto r = fix_source(test::source(text), LintOptions{}, o);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? r->output : std::string();
}

std::string to_crlf(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

TEST(FixEngine, ReordersEntriesAndSectionsKeepingTheirBytes) {
  const std::string out = fixed(kMessy);
  // Entries follow the table (B before A), sections follow the schema.
  const auto b = out.find("### B risk"), a = out.find("### A risk");
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(a, std::string::npos);
  EXPECT_LT(b, a);
  EXPECT_LT(out.find("- **Context**: c", a), out.find("- **Monitoring**", a));
  EXPECT_NE(out.find("  - watch"), std::string::npos);
  EXPECT_NE(out.find("| B risk | Low    |"), std::string::npos);
  EXPECT_EQ(fixed(out), out) << "second --fix must change nothing";
}

TEST(FixEngine, KeepsCrlfAndBomAndAddsFinalNewlineInFileStyle) {
  const std::string input = "\xEF\xBB\xBF" + to_crlf(kMessy.substr(0, kMessy.size() - 1));  // no final newline
  const std::string out = fixed(input);
  ASSERT_GE(out.size(), 5u);
  EXPECT_EQ(out.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(out.substr(out.size() - 2), "\r\n");
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n') ASSERT_EQ(out[i - 1], '\r') << "bare LF at offset " << i;
  }
  EXPECT_EQ(fixed(out), out);
}

TEST(FixEngine, UnsafeStubsOnlyWithUnsafeFixes) {
  const std::string input =
      "# T\n\n## Summary Table\n\n| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
      "| ---- | ------ | ---------- | ---------- | ----- | ------ |\n"
      "| X    | High   | Low        | a, `b, c`  | o     | Open   |\n\n## Detailed Entries\n";
  EXPECT_EQ(fixed(input), input);
  const std::string out = fixed(input, true);
  EXPECT_NE(out.find("### X\n\n- **Context**: TODO\n- **Mitigation**\n  - a\n  - `b, c`\n"), std::string::npos) << out;
}

TEST(FixEngine, NothingToFixReturnsInputUnchanged) {
  const std::string canonical = test::read_file(std::string(MDRISK_FIXTURES_DIR) + "/seed/risk-mitigation.canonical.md");
  FixOptions o;
  auto r = fix_source(test::source(canonical), LintOptions{}, o);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->changed());
  EXPECT_EQ(r->output, canonical);
  EXPECT_EQ(r->passes, 1);
}

TEST(ContentSignature, DetectsChangedTextOutsideTheTracker) {
  const std::string a = "Intro [x][r].\n\n## Summary Table\n\n| Risk |\n| --- |\n| A |\n\n[r]: https://a.example\n";
  std::string b = a;
  b.replace(b.find("https://a"), 9, "https://b");
  const Schema schema = Schema::defaults();
  const SourceFile sa = test::source(a), sb = test::source(b);
  const TrackerWithTree ta = parse_tracker_with_tree(sa, schema), tb = parse_tracker_with_tree(sb, schema);
  // The link target changed in a reference definition far from the link:
  // the rendered preamble differs, so the verifier must see it.
  EXPECT_NE(first_difference(content_signature(ta), content_signature(tb), false), "");
  const TrackerWithTree ta2 = parse_tracker_with_tree(sa, schema);
  EXPECT_EQ(first_difference(content_signature(ta), content_signature(ta2), false), "");
}

TEST(ContentSignature, DetectsChangedEntryItemAndCell) {
  const std::string a =
      "## Summary Table\n\n| Risk | Owner |\n| --- | --- |\n| A | me |\n\n## Detailed Entries\n\n### A\n\n"
      "- **Context**: c\n- **Mitigation**\n  - act now\n";
  const Schema schema = Schema::defaults();
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{{"act now", "act later"},
                                                                                 {"| me |", "| you |"}}) {
    std::string b = a;
    b.replace(b.find(from), from.size(), to);
    const SourceFile sa = test::source(a), sb = test::source(b);
    const TrackerWithTree ta = parse_tracker_with_tree(sa, schema), tb = parse_tracker_with_tree(sb, schema);
    EXPECT_NE(first_difference(content_signature(ta), content_signature(tb), false), "") << from;
  }
}

}  // namespace

// A tracker whose rows all lack entries: every stub goes after the Detailed
// Entries heading, so they must stack (one pass, table order), not take a
// pass each (20 rows would exceed the 16-pass limit; found by the fuzzer).
namespace {

TEST(FixEngine, StubsForManyRowsWithoutEntriesGoInTogetherInTableOrder) {
  std::string md = "# T\n\n## Summary Table\n\n| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
                   "| --- | --- | --- | --- | --- | --- |\n";
  for (int i = 0; i < 20; ++i) {
    md += "| Risk " + std::to_string(100 + i) + " | High | Low | Act | Me | Open |\n";
  }
  md += "\n## Detailed Entries\n";
  FixOptions o;
  o.unsafe = true;
  auto r = fix_source(test::source(md), LintOptions{}, o);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_LE(r->passes, 3);
  std::size_t at = 0;
  for (int i = 0; i < 20; ++i) {
    const std::size_t next = r->output.find("### Risk " + std::to_string(100 + i), at);
    ASSERT_NE(next, std::string::npos) << "stub " << i << " missing or out of table order";
    at = next;
  }
}

}  // namespace

// "-<TAB>**Monitoring**": CommonMark puts the item's content at column 4,
// so a flattened item must be indented 4 spaces to belong to it. With 2
// (the bytes before the text), MR307 and MR407 undid each other's fix
// forever (found by the fuzzer).
namespace {

TEST(FixEngine, FlattenedItemsUnderALabelWrittenWithATabGoToColumnFour) {
  const std::string md =
      "## Summary Table\n\n| Risk |\n| --- |\n| A |\n\n## Detailed Entries\n\n### A\n\n"
      "- **Context**: c\n- **Mitigation**\n  - act\n-\t**Monitoring**\n- Alert on stuck approvals.\n";
  auto r = fix_source(test::source(md), LintOptions{}, FixOptions{});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_NE(r->output.find("-\t**Monitoring**\n    - Alert on stuck approvals.\n"), std::string::npos) << r->output;
  const SourceFile out = test::source(r->output);  // outlives the model, which points into it
  const Tracker t = parse_tracker(out, Schema::defaults());
  ASSERT_EQ(t.entries.size(), 1u);
  EXPECT_EQ(t.entries[0].items.back().children.size(), 1u);  // now nested under Monitoring
}

}  // namespace

// A refusal names the rules whose fixes led to it, pass by pass: a new fix
// that the loop cannot settle (or that the verifier refuses) is found at once.
TEST(FixLoop, ARefusalNamesTheRulesWhoseFixesWereApplied) {
  const SourceFile src = test::source(
      "# T\n\n## Summary Table\n\n| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n|---|---|---|---|---|---|\n"
      "| A | high | Low | m | o | Open |\n\n## Detailed Entries\n\n### A\n\n- **Context**: c\n- **Mitigation**: m\n"
      "- **Monitoring**: w\n");
  FixOptions options;
  options.max_passes = 1;  // too few to see that nothing is left to fix
  const auto r = fix_source(src, LintOptions{}, options);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("did not converge after 1 passes"), std::string::npos) << r.error().message;
  // MR401 re-prints the row with the value spelled canonically: MR106's fix
  // overlaps it and is not applied, so only MR401 is named.
  EXPECT_NE(r.error().message.find("(fixes applied: MR401 in pass 1)"), std::string::npos)
      << r.error().message;
  options.max_passes = 16;
  ASSERT_TRUE(fix_source(src, LintOptions{}, options));
}
