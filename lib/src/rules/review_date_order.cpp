// MR703 review-date-order: a next-review date comes before the last review.
// Why: the two dates cannot both be right; usually one was copied from
// another row or the next review was never moved on after a review.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {

void check_review_date_order(const Tracker& t, RuleContext& ctx) {
  const DatesSpec& d = t.schema->dates;
  if (!d.last_review.set() || !d.next_review.set()) return;
  for (const Risk& r : register_risks(t)) {
    ByteRange next_at, last_at;
    auto next = field_date(t, r, d.next_review, &next_at);
    auto last = field_date(t, r, d.last_review, &last_at);
    if (!next || !last || *next >= *last) continue;
    Diagnostic& diag = ctx.report(kReviewDateOrder, next_at,
                                  field_title(*t.schema, d.next_review) + " " + next->iso() + " of " +
                                      risk_label(t, r) + " is before its " + field_title(*t.schema, d.last_review) +
                                      " " + last->iso());
    diag.related.push_back({last_at, "the last review"});
  }
}

}  // namespace mdrisk::rules
