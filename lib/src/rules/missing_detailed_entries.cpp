// MR003 missing-detailed-entries: a table with rows needs a
// `## Detailed Entries` section. Why: the table row is a one-line summary;
// context, actions and monitoring live in the entry.
#include "rules/all.hpp"

namespace mdrisk::rules {

void check_missing_detailed_entries(const Tracker& t, RuleContext& ctx) {
  if (!t.schema->entries_required || t.schema->entries_heading.empty() || t.entries_heading || !t.table ||
      t.table->rows.empty()) {
    return;
  }
  ctx.report(kMissingDetailedEntries, t.table->range,
             "table has " + std::to_string(t.table->rows.size()) + " rows but no `## " +
                 t.schema->entries_heading + "` section follows");
}

}  // namespace mdrisk::rules
