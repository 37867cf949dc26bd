// MR301 missing-section: every entry has its required sections (**Context**
// and **Mitigation** by default). Why: an entry without context or actions
// records a worry, not a managed risk.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/sections.hpp"

namespace mdrisk::rules {

void check_missing_section(const Tracker& t, RuleContext& ctx) {
  report_missing_sections(t, ctx, kMissingSection, Requirement::Required);
}

}  // namespace mdrisk::rules
