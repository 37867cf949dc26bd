#pragma once
// The fallbacks a report uses when the configuration declares no scale
// (mdrisk/scoring.hpp) for a column and no bands: an order for the
// column's allowed values, and a band for a score.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/schema.hpp"

namespace mdrisk::report {

// The column's allowed values, lowest first. Numbers ("1".."5") sort by
// value; words keep the schema's order, reversed when it lists the highest
// first (the built-in `High, Medium, Low`), which is told by the words at
// either end (high, critical, likely... / low, rare, negligible...).
std::vector<std::string> ordered_values(const ColumnSpec& column);

// 1 for the lowest of `ordered`, N for the highest; 0 when `canonical` is
// not one of them.
std::size_t value_rank(const std::vector<std::string>& ordered, std::string_view canonical);

// The band of a score out of `max_score` (likelihood values × impact
// values): up to a quarter Low, up to half Medium, above High.
std::string band_of(std::size_t score, std::size_t max_score);

}  // namespace mdrisk::report
