// MR101 missing-column: every required column is in the table header.
// Why: a register without Owner or Status cannot be triaged.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_missing_column(const Tracker& t, RuleContext& ctx) {
  if (!t.table) return;
  for (std::size_t c = 0; c < t.schema->columns.size(); ++c) {
    const ColumnSpec& col = t.schema->columns[c];
    if (col.required && t.table->cell_of_column[c] == npos) {
      ctx.report(kMissingColumn, t.table->header.range, "Summary Table has no " + quoted(col.header) + " column");
    }
  }
}

}  // namespace mdrisk::rules
