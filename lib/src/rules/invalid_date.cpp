// MR701 invalid-date: a configured date field holds no readable date.
// Why: a review or expiry date nobody can read is a check that never fires;
// `31/08/2026` reads two ways, `2026-02-30` and `30.02.2026` are no day,
// and "soon" is none.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {

void check_invalid_date(const Tracker& t, RuleContext& ctx) {
  const DatesSpec& d = t.schema->dates;
  if (!d.any_field()) return;
  std::vector<const FieldRef*> fields = {&d.last_review, &d.next_review, &d.expires};
  for (const FieldRef& f : d.fields) fields.push_back(&f);
  for (const Risk& r : register_risks(t)) {
    for (const FieldRef* f : fields) {
      if (!f->set()) continue;
      const FieldText ft = field_text(t, r, *f);
      if (!ft.found) continue;
      const DateScan scan = find_date(ft.text);
      if (scan.valid) continue;
      const std::string what = field_title(*t.schema, *f) + " of " + risk_label(t, r);
      if (scan.found) {
        const std::string_view token = ft.text.substr(scan.offset, scan.length);
        ctx.report(kInvalidDate, {ft.range.begin + scan.offset, ft.range.begin + scan.offset + scan.length},
                   what + " is not a calendar day: " + quoted(token));
      } else {
        ctx.report(kInvalidDate, ft.range, what + " holds no date written YYYY-MM-DD or DD.MM.YYYY: " + quoted(ft.text));
      }
    }
  }
}

}  // namespace mdrisk::rules
