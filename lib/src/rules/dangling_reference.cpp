// MR112 dangling-reference: text outside the register that names a risk by
// ID ("(risk 6)", "(risks 2, 4)") names one the register has. Why: action
// plans, meeting notes and entries point at risks by number; when a row is
// renumbered or removed, or an action is written for a risk that was never
// added, the pointer silently leads nowhere.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/references.hpp"

namespace mdrisk::rules {

void check_dangling_reference(const Tracker& t, RuleContext& ctx) {
  if (t.schema->reference_pattern.empty()) return;
  const std::set<std::string> ids = register_ids(t);
  if (ids.empty()) return;  // a register without IDs cannot be referred to by one
  for (const Reference& ref : read_references(t)) {
    if (ids.count(reference_key(ref.id))) continue;
    ctx.report(kDanglingReference, ref.range,
               "refers to risk " + quoted(ref.id) + ", but the register has no risk with that ID");
  }
}

}  // namespace mdrisk::rules
