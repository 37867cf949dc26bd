// MR711 misplaced-risk: a closed risk outside the register's closed section,
// or an open or accepted one inside it (`[lifecycle] closed-sections`).
// Why: readers take the active table as what still needs attention; a
// closed row there inflates it, an open row in the closed table hides.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {

void check_misplaced_risk(const Tracker& t, RuleContext& ctx) {
  const LifecycleSpec& l = t.schema->lifecycle;
  if (!l.enabled() || l.closed_headings.empty()) return;
  for (const Risk& r : register_risks(t)) {
    const FieldText status = status_text(t, r);
    if (!status.found) continue;  // a row with no status is classed by where it is
    const StatusClass c = status_class(t, r);
    const bool closed_here = in_closed_section(t, r);
    if (c == StatusClass::Closed && !closed_here) {
      ctx.report(kMisplacedRisk, status.range,
                 risk_label(t, r) + " is " + quoted(status.text) + " but is listed outside the closed risks (" +
                     quoted(l.closed_headings.front()) + ")");
    } else if ((c == StatusClass::Open || c == StatusClass::Accepted) && closed_here) {
      ctx.report(kMisplacedRisk, status.range,
                 risk_label(t, r) + " is " + quoted(status.text) + " but is listed under " +
                     quoted(risk_group(t, r)->text) + ", which holds closed risks only");
    }
  }
}

}  // namespace mdrisk::rules
