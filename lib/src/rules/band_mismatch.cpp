// MR602 band-mismatch: a band (level) cell differs from the band the row's
// score falls in under the configured thresholds (`[bands]`), or is empty.
// Why: the band is what people filter and escalate by; a score of 12 filed
// under "Medium" when 10–15 is High hides a high risk. The score is the
// score cell when it holds a number (MR601 checks it), else the formula's
// value; with a score the fix writes its band.
#include <fmt/format.h>

#include "mdrisk/scoring.hpp"
#include "model/canonical.hpp"
#include "model/cell_value.hpp"
#include "rules/all.hpp"
#include "rules/scoring_cells.hpp"

namespace mdrisk::rules {

namespace {

std::string band_range(const ScoreBand& b) { return fmt::format("{}–{}", b.low, b.high); }

}  // namespace

void check_band_mismatch(const Tracker& t, RuleContext& ctx) {
  const Scoring& sc = ctx.schema.scoring;
  if (sc.band_column == npos || sc.bands.empty()) return;
  const ColumnSpec& col = ctx.schema.columns[sc.band_column];
  for (std::size_t r = 0; r < t.row_count(); ++r) {
    const Cell* cell = t.cell(r, sc.band_column);
    if (!cell) continue;
    const auto score = row_score(t, r);
    if (!score) continue;  // nothing to derive a band from (MR601, MR104, MR105 say why)
    const ScoreBand* band = band_for_score(sc, *score);
    if (!band) {
      ctx.report(kBandMismatch, cell->text.empty() ? cell->range : cell->text_range,
                 fmt::format("{} has score {}, which no band covers (bands run {}–{})", row_label(t, r), *score,
                             sc.bands.front().low, sc.bands.back().high));
      continue;
    }
    // Only the value part is the band: a remark after it ("High (owner
    // agreed)") is the author's and stays.
    const ValueSpan v = locate_value(col, cell->text);
    const std::string_view written = v.found ? v.value(cell->text) : cell->text;
    const ValueMatch m = match_value(col, written);
    if (!m.canonical.empty() && m.canonical == band->label) continue;  // a case difference is MR106's
    std::string message =
        cell->text.empty()
            ? fmt::format("{} has no band; score {} is in band '{}' ({})", row_label(t, r), *score, band->label,
                          band_range(*band))
            : fmt::format("{} is in band '{}', but score {} is in band '{}' ({})", row_label(t, r), written, *score,
                          band->label, band_range(*band));
    const ByteRange value_range{cell->text_range.begin + v.begin, cell->text_range.begin + v.end};
    Edit edit = cell_edit(ctx.schema, *cell, band->label);
    if (!cell->text.empty() && value_range.size() < cell->text.size()) edit = {value_range, band->label};
    const ByteRange at = cell->text.empty() ? cell->range : value_range;
    ctx.report(kBandMismatch, at, std::move(message)).fix =
        make_fix(Applicability::Safe, "write '" + band->label + "'", {std::move(edit)});
  }
}

}  // namespace mdrisk::rules
