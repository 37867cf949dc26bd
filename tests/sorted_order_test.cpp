// sorted_order (lib/src/lint/linter_passes.hpp) sorts findings by offset, then
// code, keeping report order among equals, on packed keys: check it against
// the plain stable sort it replaced, codes over 8 bytes included.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "lint/linter_passes.hpp"

using namespace mdrisk;

namespace {

Diagnostic finding(std::size_t begin, std::string code, std::string message) {
  Diagnostic d;
  d.range = {begin, begin + 1};
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

std::vector<std::size_t> reference_order(const std::vector<Diagnostic>& ds) {
  std::vector<std::size_t> order(ds.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (ds[a].range.begin != ds[b].range.begin) return ds[a].range.begin < ds[b].range.begin;
    return ds[a].code < ds[b].code;
  });
  return order;
}

TEST(SortedOrder, OffsetThenCodeThenReportOrder) {
  const std::vector<Diagnostic> ds = {finding(5, "MR2", "a"), finding(5, "MR106", "b"), finding(1, "MR9", "c"),
                                      finding(5, "MR106", "d"), finding(5, "MR10", "e"), finding(0, "", "f")};
  const std::vector<std::size_t> expected = {5, 2, 4, 1, 3, 0};
  EXPECT_EQ(sorted_order(ds), expected);
}

TEST(SortedOrder, MatchesAStableSortWithLongCodes) {
  std::mt19937 rng(7);
  const std::vector<std::string> codes = {"MR106", "MR1", "MR10", "ABCDEFGHIJ", "ABCDEFGHIA", "ABCDEFGH", "ABCDEFGHI",
                                          "MR203"};
  std::vector<Diagnostic> ds;
  for (int i = 0; i < 2000; ++i) {
    ds.push_back(finding(rng() % 50, codes[rng() % codes.size()], std::to_string(i)));
  }
  EXPECT_EQ(sorted_order(ds), reference_order(ds));
}

}  // namespace
