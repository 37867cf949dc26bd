// MR702 review-overdue: a risk's review date has passed.
// Why: a register is only as current as its last review; a risk whose
// next review lies behind the reference day is being carried, not managed.
// The day is `--as-of` or the config's, never the clock in tests.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {

void check_review_overdue(const Tracker& t, RuleContext& ctx) {
  const DatesSpec& d = t.schema->dates;
  if (!d.last_review.set() && !d.next_review.set()) return;
  const Date today = reference_date(t, ctx);
  for (const Risk& r : register_risks(t)) {
    if (status_class(t, r) == StatusClass::Closed) continue;  // a closed risk is not reviewed
    ByteRange at;
    if (auto next = field_date(t, r, d.next_review, &at)) {
      if (*next >= today) continue;
      ctx.report(kReviewOverdue, at,
                 "review of " + risk_label(t, r) + " is overdue: " + field_title(*t.schema, d.next_review) + " " +
                     next->iso() + " is " + std::to_string(today.days() - next->days()) + " days before " +
                     today.iso());
      continue;
    }
    // No next-review date: the last review plus the row's interval.
    const ReviewInterval interval = review_interval(t, r);
    if (interval.days <= 0) continue;
    auto last = field_date(t, r, d.last_review, &at);
    if (!last) continue;
    const Date due = last->plus_days(interval.days);
    if (due >= today) continue;
    ctx.report(kReviewOverdue, at,
               "review of " + risk_label(t, r) + " is overdue: " + field_title(*t.schema, d.last_review) + " " +
                   last->iso() + " plus " + std::to_string(interval.days) + " days (" + interval.reason + ") is " +
                   due.iso() + ", before " + today.iso());
  }
}

}  // namespace mdrisk::rules
