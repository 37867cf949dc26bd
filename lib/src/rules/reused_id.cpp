// MR821 reused-id: an ID that named one risk at the `--base` revision now
// names a different one (the names share no word of three letters or more,
// or the old risk lives on under another ID). A rename that keeps a word of
// the old name is not a reuse.
// Why: links, tickets and minutes refer to risks by ID; giving an ID to a
// new risk silently re-points every one of them.
#include "rules/all.hpp"
#include "rules/history_changes.hpp"

namespace mdrisk::rules {

void check_reused_id(const Tracker& t, RuleContext& ctx) {
  const HistoryView v = history_view(t, ctx);
  for (const RiskChange& c : v.changes) {
    if (c.kind != ChangeKind::IdReused) continue;
    const RiskRecord& now = v.now.risks[c.after];
    ctx.report(kReusedId, now.id_range,
               "ID '" + now.id + "' named '" + c.from + "' at " + ctx.previous->revision + " and now names '" + c.to +
                   "'; a new risk needs a new ID");
  }
}

}  // namespace mdrisk::rules
