// MR822 reopened-without-note: a risk whose status was closed at the
// `--base` revision and is open now, while neither its row nor its entry
// says "reopened" (or "re-opened").
// Why: a status going backwards is news (a fix that did not hold, a vendor
// regression); the register should say so where readers look, not only in
// a commit message.
#include "rules/all.hpp"
#include "rules/history_changes.hpp"

namespace mdrisk::rules {

void check_reopened_without_note(const Tracker& t, RuleContext& ctx) {
  const HistoryView v = history_view(t, ctx);
  for (const RiskChange& c : v.changes) {
    if (c.kind != ChangeKind::Status) continue;
    const RiskRecord& was = ctx.previous->risks[c.before];
    const RiskRecord& now = v.now.risks[c.after];
    if (!was.closed || now.closed || now.reopen_note) continue;
    ctx.report(kReopenedWithoutNote, now.status_range,
               "risk " + risk_label(now) + " was '" + was.status + "' at " + ctx.previous->revision + " and is '" +
                   now.status + "' again with no note saying why (write \"reopened\" and the reason in its row or entry)");
  }
}

}  // namespace mdrisk::rules
