// MR001 missing-title: the tracker starts with a `# Title`.
// Why: the H1 names the register in rendered views and file pickers; without
// it a reader cannot tell which project's risks these are.
#include "rules/all.hpp"

namespace mdrisk::rules {

void check_missing_title(const Tracker& t, RuleContext& ctx) {
  if (t.title) return;
  const std::size_t at = t.table_heading ? t.table_heading->range.begin : t.source->bom_size();
  ctx.report(kMissingTitle, {at, at}, "tracker has no `#` title before the Summary Table");
}

}  // namespace mdrisk::rules
