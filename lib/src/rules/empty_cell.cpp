// MR104 empty-cell: required cells (Risk, Impact, Likelihood, Mitigation,
// Owner, Status by default) are filled in. Why: an unowned or unrated risk
// is not being managed.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_empty_cell(const Tracker& t, RuleContext& ctx) {
  const std::size_t rows = t.row_count();
  for (std::size_t r = 0; r < rows; ++r) {
    const Row& row = t.row(r);
    const Table& table = t.table_of_row(r);
    for (std::size_t c = 0; c < t.schema->columns.size(); ++c) {
      const ColumnSpec& col = t.schema->columns[c];
      if (!col.non_empty || table.cell_of_column[c] == npos) continue;
      const Cell* cell = table.cell(row, c);
      if (cell && !cell->text.empty()) continue;
      const ByteRange at = cell ? cell->range : ByteRange{row.range.end, row.range.end};
      const std::string name = row_name(t, r);
      ctx.report(kEmptyCell, at,
                 "empty " + quoted(col.header) + " cell" + (name.empty() || c == t.schema->name_column ? "" : " for risk " + quoted(name)));
    }
  }
}

}  // namespace mdrisk::rules
