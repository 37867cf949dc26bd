// A register row's score, computed from its cells or read from its score
// cell: the one place rules and reports get a row's rating from.
#include "mdrisk/scoring.hpp"

#include <limits>

#include "mdrisk/tracker.hpp"

namespace mdrisk {

std::optional<std::int64_t> computed_score(const Tracker& t, std::size_t row) {
  const Scoring& sc = t.schema->scoring;
  if (sc.formula.empty() || row >= t.row_count()) return std::nullopt;
  constexpr std::int64_t kLimit = std::numeric_limits<std::int64_t>::max() / 4;
  std::int64_t sum = 0;
  for (const ScoreFormula::Term& term : sc.formula.terms) {
    std::int64_t product = 1;
    for (const ScoreFormula::Factor& f : term) {
      std::int64_t v = f.constant;
      if (f.column != npos) {
        const Cell* cell = t.cell(row, f.column);
        if (!cell) return std::nullopt;
        const auto value = scale_value(*t.schema, f.column, cell->text);
        if (!value) return std::nullopt;
        v = *value;
      }
      // Cell numbers have at most 15 digits; refuse a product that would
      // overflow rather than report nonsense.
      if (v != 0 && (product > kLimit / v || product < -kLimit / v)) return std::nullopt;
      product *= v;
    }
    if (sum > kLimit - product) return std::nullopt;
    sum += product;
  }
  return sum;
}

std::optional<std::int64_t> row_score(const Tracker& t, std::size_t row) {
  const Scoring& sc = t.schema->scoring;
  if (row >= t.row_count()) return std::nullopt;
  if (sc.score_column != npos) {
    if (const Cell* cell = t.cell(row, sc.score_column)) {
      if (auto v = parse_whole_number(cell->text)) return v;
    }
  }
  return computed_score(t, row);
}

}  // namespace mdrisk
