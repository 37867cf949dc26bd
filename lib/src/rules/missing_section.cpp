// MR301 missing-section: every entry has its required sections (**Context**
// and **Mitigation** by default). Why: an entry without context or actions
// records a worry, not a managed risk.
#include "all.hpp"
#include "helpers.hpp"
#include "sections.hpp"

namespace mdrisk::rules {

const RuleInfo kMissingSection{"MR301", "missing-section", "an entry lacks a required labelled section",
                               Severity::Error, false};

void check_missing_section(const Tracker& t, RuleContext& ctx) {
  report_missing_sections(t, ctx, kMissingSection, Requirement::Required);
}

}  // namespace mdrisk::rules
