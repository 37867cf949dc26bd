// MR202 orphan-entry: a detailed entry whose heading matches no table row.
// Why: a risk missing from the index is invisible to whoever reads only the
// table; often it is a renamed row.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_orphan_entry(const Tracker& t, RuleContext& ctx) {
  if (!t.table) return;
  for (const Entry& e : t.entries) {
    if (e.row != npos) continue;
    ctx.report(kOrphanEntry, e.heading.text_range,
               "entry " + quoted(e.heading.text) + " has no row in the Summary Table");
  }
}

}  // namespace mdrisk::rules
