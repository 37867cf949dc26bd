// MR704 review-interval: the next review is further from the last one than
// the risk's interval allows (by band: Critical 30 days, Low 365, say).
// Why: the worse a risk, the sooner it is looked at again; a High risk
// scheduled a year out has quietly been downgraded.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {

void check_review_interval(const Tracker& t, RuleContext& ctx) {
  const DatesSpec& d = t.schema->dates;
  if (!d.last_review.set() || !d.next_review.set()) return;
  for (const Risk& r : register_risks(t)) {
    const ReviewInterval interval = review_interval(t, r);
    if (interval.days <= 0) continue;
    ByteRange next_at, last_at;
    auto next = field_date(t, r, d.next_review, &next_at);
    auto last = field_date(t, r, d.last_review, &last_at);
    if (!next || !last || *next < *last) continue;  // the wrong order is MR703's
    const long gap = next->days() - last->days();
    if (gap <= interval.days) continue;
    Diagnostic& diag = ctx.report(kReviewInterval, next_at,
                                  field_title(*t.schema, d.next_review) + " of " + risk_label(t, r) + " is " +
                                      std::to_string(gap) + " days after its " +
                                      field_title(*t.schema, d.last_review) + "; " + interval.reason + " allows " +
                                      std::to_string(interval.days));
    diag.related.push_back({last_at, "the last review"});
  }
}

}  // namespace mdrisk::rules
