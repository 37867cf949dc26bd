// apply_fixes: splicing edits over the original bytes.
#include <gtest/gtest.h>

#include "mdrisk/fix.hpp"

using namespace mdrisk;

namespace {

Edit ed(std::size_t begin, std::size_t end, std::string text) { return Edit{ByteRange{begin, end}, std::move(text)}; }
Fix fix(std::vector<Edit> edits) { return Fix{Applicability::Safe, "t", std::move(edits)}; }
Fix fix(Edit e) { return fix(std::vector<Edit>{std::move(e)}); }
Fix fix(Edit a, Edit b) { return fix(std::vector<Edit>{std::move(a), std::move(b)}); }

ApplyResult splice(std::string_view text, const std::vector<Fix>& fixes) {
  std::vector<const Fix*> ptrs;
  for (const Fix& f : fixes) ptrs.push_back(&f);
  return apply_fixes(text, ptrs);
}

TEST(ApplyFixes, Insertion) {
  const auto r = splice("abcdef", {fix(ed(3, 3, "XY"))});
  EXPECT_EQ(r.output, "abcXYdef");
  EXPECT_EQ(r.applied, 1u);
}

TEST(ApplyFixes, Deletion) { EXPECT_EQ(splice("abcdef", {fix(ed(1, 4, ""))}).output, "aef"); }

TEST(ApplyFixes, Replacement) { EXPECT_EQ(splice("abcdef", {fix(ed(2, 4, "1234"))}).output, "ab1234ef"); }

TEST(ApplyFixes, OverlappingFixIsSkippedNotMerged) {
  const auto r = splice("abcdef", {fix(ed(1, 4, "X")), fix(ed(3, 5, "Y"))});
  EXPECT_EQ(r.output, "aXef");
  EXPECT_EQ(r.applied, 1u);
  EXPECT_EQ(r.skipped, 1u);
}

TEST(ApplyFixes, FixWithOneConflictingEditIsSkippedWhole) {
  // The second fix's first edit is fine, its second overlaps: nothing of it applies.
  const auto r = splice("abcdefgh", {fix(ed(0, 2, "X")), fix(ed(4, 5, "A"), ed(1, 3, "Y"))});
  EXPECT_EQ(r.output, "Xcdefgh");
  EXPECT_EQ(r.applied, 1u);
  EXPECT_EQ(r.skipped, 1u);
}

TEST(ApplyFixes, AdjacentEditsBothApply) {
  const auto r = splice("abcdef", {fix(ed(0, 2, "X")), fix(ed(2, 4, "Y"))});
  EXPECT_EQ(r.output, "XYef");
  EXPECT_EQ(r.applied, 2u);
}

TEST(ApplyFixes, InsertionAtEndOfReplacementApplies) {
  const auto r = splice("abcdef", {fix(ed(0, 2, "X")), fix(ed(2, 2, "+"))});
  EXPECT_EQ(r.output, "X+cdef");
}

TEST(ApplyFixes, TwoInsertionsAtOnePointConflict) {
  const auto r = splice("ab", {fix(ed(1, 1, "X")), fix(ed(1, 1, "Y"))});
  EXPECT_EQ(r.output, "aXb");
  EXPECT_EQ(r.skipped, 1u);
}

TEST(ApplyFixes, DuplicateFixIsDroppedSilently) {
  const auto r = splice("ab", {fix(ed(1, 1, "X")), fix(ed(1, 1, "X"))});
  EXPECT_EQ(r.output, "aXb");
  EXPECT_EQ(r.applied, 1u);
  EXPECT_EQ(r.skipped, 0u);
}

TEST(ApplyFixes, EmptyFile) {
  EXPECT_EQ(splice("", {}).output, "");
  EXPECT_EQ(splice("", {fix(ed(0, 0, "\n"))}).output, "\n");
}

TEST(ApplyFixes, EditAtEndWithoutFinalNewline) {
  EXPECT_EQ(splice("last line", {fix(ed(9, 9, "\n"))}).output, "last line\n");
}

TEST(ApplyFixes, OutOfRangeEditIsRejected) {
  const auto r = splice("abc", {fix(ed(2, 9, "X"))});
  EXPECT_EQ(r.output, "abc");
  EXPECT_EQ(r.applied, 0u);
}

TEST(ApplyFixes, ManyFixesInAnyOrderApplySortedByPosition) {
  std::string text(1000, 'a');
  std::vector<Fix> fixes;
  for (std::size_t i = 1000; i > 0; i -= 10) fixes.push_back(fix(ed(i - 10, i - 9, "b")));
  const auto r = splice(text, fixes);
  EXPECT_EQ(r.applied, 100u);
  for (std::size_t i = 0; i < 1000; ++i) EXPECT_EQ(r.output[i], i % 10 == 0 ? 'b' : 'a') << i;
}

}  // namespace

// Fix::shares_insertion_point: insertions of stacking fixes may share a point (report order);
// any other pair of insertions at one point waits for the next pass.
namespace {

Fix stacking(Edit e) {
  Fix f = fix(std::move(e));
  f.shares_insertion_point = true;
  return f;
}

TEST(ApplyFixes, StackingInsertionsAtOnePointGoInInReportOrder) {
  const auto r = splice("ab", {stacking(ed(1, 1, "1")), stacking(ed(1, 1, "2")), stacking(ed(1, 1, "3"))});
  EXPECT_EQ(r.output, "a123b");
  EXPECT_EQ(r.applied, 3u);
  EXPECT_EQ(r.skipped, 0u);
}

TEST(ApplyFixes, AStackingInsertionStillWaitsForAnOrdinaryOneAtTheSamePoint) {
  const auto r = splice("ab", {fix(ed(1, 1, "X")), stacking(ed(1, 1, "1"))});
  EXPECT_EQ(r.output, "aXb");
  EXPECT_EQ(r.skipped, 1u);
  // ...and a stacking insertion inside a replaced range is still a conflict.
  EXPECT_EQ(splice("abc", {fix(ed(0, 3, "R")), stacking(ed(1, 1, "1"))}).skipped, 1u);
}

}  // namespace
