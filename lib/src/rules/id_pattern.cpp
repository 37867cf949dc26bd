// MR721 id-pattern: a risk ID does not have the register's one form
// (`[ids] pattern`, e.g. `R-\d{3}`).
// Why: IDs are how other documents, tickets and commits name a risk; `R-7`
// next to `R-007` splits searches and sorts wrongly. A gap in the numbers
// is history (a risk was withdrawn), not a problem, and is never reported.
#include <regex>

#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {

void check_id_pattern(const Tracker& t, RuleContext& ctx) {
  const IdSpec& ids = t.schema->ids;
  if (ids.column == npos || ids.pattern.empty()) return;
  const std::regex pattern(ids.pattern);
  FieldRef f;
  f.column = ids.column;
  for (const Risk& r : register_risks(t)) {
    const FieldText id = field_text(t, r, f);
    if (!id.found || std::regex_match(id.text.begin(), id.text.end(), pattern)) continue;
    ctx.report(kIdPattern, id.range,
               t.schema->columns[ids.column].header + " " + quoted(id.text) + " does not match the pattern " +
                   quoted(ids.pattern));
  }
}

}  // namespace mdrisk::rules
