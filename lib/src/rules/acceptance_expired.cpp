// MR705 acceptance-expired: an accepted risk's acceptance has run out.
// Why: accepting a risk is a decision with a term; past its expiry nobody
// has decided to keep carrying it, so it must be approved again or treated.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {

void check_acceptance_expired(const Tracker& t, RuleContext& ctx) {
  const DatesSpec& d = t.schema->dates;
  if (!d.expires.set()) return;
  const Date today = reference_date(t, ctx);
  const bool classes = t.schema->lifecycle.enabled() && !t.schema->lifecycle.accepted.empty();
  for (const Risk& r : register_risks(t)) {
    // With lifecycle classes, only accepted risks expire; without, any row
    // that gives an expiry does.
    if (classes && status_class(t, r) != StatusClass::Accepted) continue;
    ByteRange at;
    auto expiry = field_date(t, r, d.expires, &at);
    if (!expiry || *expiry >= today) continue;
    ctx.report(kAcceptanceExpired, at,
               "acceptance of " + risk_label(t, r) + " expired on " + expiry->iso() + " (" +
                   field_title(*t.schema, d.expires) + "), before " + today.iso());
  }
}

}  // namespace mdrisk::rules
