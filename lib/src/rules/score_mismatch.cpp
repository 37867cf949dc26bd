// MR601 score-mismatch: a score cell differs from what the configured
// formula gives for the row's ratings (`[score] formula`), or is empty.
// Why: a score is written once and the ratings change later; a stale score
// ranks and bands the risk wrongly. When every input is on its scale the
// right number is known, so the fix writes it; otherwise the input is the
// problem (MR104, MR105) and the score is left alone.
#include <fmt/format.h>

#include "mdrisk/scoring.hpp"
#include "rules/all.hpp"
#include "rules/scoring_cells.hpp"

namespace mdrisk::rules {

void check_score_mismatch(const Tracker& t, RuleContext& ctx) {
  const Scoring& sc = ctx.schema.scoring;
  if (sc.score_column == npos || sc.formula.empty()) return;
  for (std::size_t r = 0; r < t.row_count(); ++r) {
    const Cell* cell = t.cell(r, sc.score_column);
    if (!cell) continue;  // no Score column in this table: MR101
    const auto want = computed_score(t, r);
    if (!want) continue;
    const auto have = parse_whole_number(cell->text);
    if (have == want) continue;
    const std::string right = std::to_string(*want);
    std::string message =
        cell->text.empty()
            ? fmt::format("{} has no score; {} = {}", row_label(t, r), formula_with_values(t, r), right)
            : fmt::format("{} has score '{}', but {} = {}", row_label(t, r), cell->text, formula_with_values(t, r), right);
    const ByteRange at = cell->text.empty() ? cell->range : cell->text_range;
    ctx.report(kScoreMismatch, at, std::move(message)).fix =
        make_fix(Applicability::Safe, "write " + right, {cell_edit(ctx.schema, *cell, right)});
  }
}

}  // namespace mdrisk::rules
