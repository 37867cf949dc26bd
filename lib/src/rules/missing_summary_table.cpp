// MR002 missing-summary-table: a `## Summary Table` section holding a table.
// Why: the table is the register's index; every other check starts from it.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_missing_summary_table(const Tracker& t, RuleContext& ctx) {
  const Schema& schema = *t.schema;
  if (!schema.has_table) return;  // `register = "entries"`: the entries are the register
  const std::size_t at = t.source->bom_size();
  if (schema.table_heading.empty()) {
    // Found by its header alone.
    if (t.table) return;
    const std::size_t key = schema.link == LinkMode::Id ? schema.id_column : schema.name_column;
    ctx.report(kMissingSummaryTable, {at, at},
               "no register table found (no table has a " + quoted(schema.columns[key].header) + " column)");
  } else if (!t.table_heading) {
    // Most often a register of another shape, which a config can describe.
    ctx.report(kMissingSummaryTable, {at, at},
               "no `## " + schema.table_heading + "` section found; for a register of another shape, `mdrisk init --from " +
                   t.source->name() + "` writes a .mdrisk.toml that describes it");
  } else if (!t.table) {
    ctx.report(kMissingSummaryTable, t.table_heading->range,
               "section `## " + std::string(t.table_heading->text) + "` contains no table");
  }
}

}  // namespace mdrisk::rules
