// MR820 removed-open-risk: a risk (by ID, else by name) that the register
// held at the `--base` revision, not closed there, and that is gone now.
// Why: deleting a row is the quiet way to make a risk disappear; a register
// in git can tell a risk that was dealt with (closed, then archived) from
// one that was dropped. Without `--base` this rule finds nothing.
#include <algorithm>

#include "rules/all.hpp"
#include "rules/history_changes.hpp"

namespace mdrisk::rules {

void check_removed_open_risk(const Tracker& t, RuleContext& ctx) {
  if (!ctx.previous) return;
  const HistoryView v = history_view(t, ctx);
  // Gone: unmatched, or matched only by an ID now given to another risk
  // (MR821 reports the ID; the old risk has still vanished).
  std::vector<bool> gone(ctx.previous->risks.size(), false);
  for (const RiskChange& c : v.changes) {
    if (c.kind == ChangeKind::Removed) gone[c.before] = true;
    if (c.kind == ChangeKind::IdReused) {
      const std::string& key = ctx.previous->risks[c.before].key;
      gone[c.before] = std::none_of(v.now.risks.begin(), v.now.risks.end(),
                                    [&](const RiskRecord& r) { return r.key == key; });
    }
  }
  for (std::size_t i = 0; i < gone.size(); ++i) {
    const RiskRecord& was = ctx.previous->risks[i];
    if (!gone[i] || was.closed) continue;
    const std::string status = was.status.empty() ? std::string("not closed") : "'" + was.status + "'";
    ctx.report(kRemovedOpenRisk, v.now.register_range,
               "risk " + risk_label(was) + " was " + status + " at " + ctx.previous->revision +
                   " and is gone without having been closed first");
  }
}

}  // namespace mdrisk::rules
