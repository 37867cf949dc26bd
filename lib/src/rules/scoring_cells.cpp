#include "rules/scoring_cells.hpp"

#include "base/text.hpp"
#include "mdrisk/scoring.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

std::size_t label_column(const Schema& s) { return s.id_column != npos ? s.id_column : s.column_index("id"); }

std::string row_label(const Tracker& t, std::size_t row) {
  const Schema& s = *t.schema;
  const std::size_t key = label_column(s);
  const Cell* c = key != npos ? t.cell(row, key) : nullptr;
  if (!c || c->text.empty()) c = s.name_column != npos ? t.cell(row, s.name_column) : nullptr;
  if (!c || c->text.empty()) return "the row on " + line_ref(*t.source, t.row(row).range.begin);
  return "risk " + quoted(c->text);
}

std::string formula_with_values(const Tracker& t, std::size_t row) {
  const Schema& s = *t.schema;
  std::string names, values;
  for (const ScoreFormula::Term& term : s.scoring.formula.terms) {
    if (!names.empty()) names += " + ", values += " + ";
    bool first = true;
    for (const ScoreFormula::Factor& f : term) {
      if (!first) names += " × ", values += " × ";
      first = false;
      if (f.column == npos) {
        names += std::to_string(f.constant);
        values += std::to_string(f.constant);
        continue;
      }
      names += s.columns[f.column].header;
      const Cell* c = t.cell(row, f.column);
      const auto v = c ? scale_value(s, f.column, c->text) : std::nullopt;
      values += v ? std::to_string(*v) : "?";
    }
  }
  return names + " = " + values;
}

Edit cell_edit(const Schema& schema, const Cell& cell, std::string value) {
  // In an aligned table keep the cell's width where the new value fits, so
  // a padded table stays padded (MR401 re-pads it otherwise, in a later
  // pass); in other styles the padding around a value is not its width's.
  const bool keep_width = schema.table_style == TableStyle::Aligned;
  const std::size_t value_width = text::display_width(value);
  if (!cell.directive.empty()) {
    return cell.text.empty() ? Edit{{cell.text_range.begin, cell.text_range.begin}, value + " "}
                             : Edit{cell.text_range, std::move(value)};
  }
  if (cell.text.empty()) {
    const std::size_t width = cell.range.size();
    const std::size_t pad = keep_width && width >= value_width + 2 ? width - value_width - 1 : 1;
    return {cell.range, " " + value + std::string(pad, ' ')};
  }
  if (!keep_width) return {cell.text_range, std::move(value)};
  const std::size_t trailing = cell.range.end - cell.text_range.end;
  const std::size_t width = text::display_width(cell.text) + trailing;
  const std::size_t least = trailing == 0 ? 0 : 1;
  const std::size_t pad = width >= value_width + least ? width - value_width : least;
  return {{cell.text_range.begin, cell.range.end}, value + std::string(pad, ' ')};
}

}  // namespace mdrisk::rules
