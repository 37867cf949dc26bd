// MR002 missing-summary-table: a `## Summary Table` section holding a table.
// Why: the table is the register's index; every other check starts from it.
#include "rules/all.hpp"

namespace mdrisk::rules {

void check_missing_summary_table(const Tracker& t, RuleContext& ctx) {
  if (!t.table_heading) {
    const std::size_t at = t.source->bom_size();
    ctx.report(kMissingSummaryTable, {at, at},
               "no `## " + t.schema->table_heading + "` section found");
  } else if (!t.table) {
    ctx.report(kMissingSummaryTable, t.table_heading->range,
               "section `## " + std::string(t.table_heading->text) + "` contains no table");
  }
}

}  // namespace mdrisk::rules
