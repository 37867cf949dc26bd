// MR102 unknown-column: a header the schema does not know.
// Why: usually a typo ("Ownr") or a column the schema should declare; either
// way the values under it are not validated.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_unknown_column(const Tracker& t, RuleContext& ctx) {
  for (const Table* table : t.tables()) {
    for (std::size_t i = 0; i < table->header.cells.size(); ++i) {
      if (table->column_of_cell[i] != npos) continue;
      const Cell& cell = table->header.cells[i];
      ctx.report(kUnknownColumn, cell.text_range, "unknown column " + quoted(cell.text));
    }
  }
}

}  // namespace mdrisk::rules
