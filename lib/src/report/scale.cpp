#include "report/scale.hpp"

#include <algorithm>
#include <charconv>

#include "base/text.hpp"

namespace mdrisk::report {
namespace {

bool as_number(std::string_view s, long& out) {
  s = text::trim(s);
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// Words that name the top or the bottom of a scale, in the languages the
// example registers use. Only the two ends of a list are looked at.
bool is_high_word(std::string_view v) {
  static constexpr std::string_view kHigh[] = {"high", "very high", "critical", "severe", "catastrophic",
                                               "major", "extreme", "almost certain", "certain", "likely",
                                               "very likely", "h", "vh", "hoch", "sehr hoch", "kritisch"};
  const std::string f = text::casefold(text::trim(v));
  return std::find(std::begin(kHigh), std::end(kHigh), f) != std::end(kHigh);
}

bool is_low_word(std::string_view v) {
  static constexpr std::string_view kLow[] = {"low", "very low", "rare", "negligible", "minor", "minimal",
                                              "insignificant", "unlikely", "very unlikely", "l", "vl",
                                              "gering", "niedrig", "sehr gering"};
  const std::string f = text::casefold(text::trim(v));
  return std::find(std::begin(kLow), std::end(kLow), f) != std::end(kLow);
}

}  // namespace

std::vector<std::string> ordered_values(const ColumnSpec& column) {
  std::vector<std::string> v = column.allowed;
  if (v.empty()) return v;
  bool numeric = true;
  std::vector<long> numbers;
  for (const std::string& s : v) {
    long n = 0;
    if (!as_number(s, n)) {
      numeric = false;
      break;
    }
    numbers.push_back(n);
  }
  if (numeric) {
    std::vector<std::size_t> order(v.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return numbers[a] < numbers[b]; });
    std::vector<std::string> sorted;
    for (std::size_t i : order) sorted.push_back(v[i]);
    return sorted;
  }
  const bool highest_first = v.size() > 1 && (is_high_word(v.front()) || is_low_word(v.back())) &&
                             !is_low_word(v.front()) && !is_high_word(v.back());
  if (highest_first) std::reverse(v.begin(), v.end());
  return v;
}

std::size_t value_rank(const std::vector<std::string>& ordered, std::string_view canonical) {
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    if (ordered[i] == canonical) return i + 1;
  }
  return 0;
}

std::string band_of(std::size_t score, std::size_t max_score) {
  if (score == 0 || max_score == 0) return {};
  if (score * 4 <= max_score) return "Low";
  if (score * 2 <= max_score) return "Medium";
  return "High";
}

}  // namespace mdrisk::report
