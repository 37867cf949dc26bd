// MR302 missing-recommended-section: entries should have their recommended
// sections (**Monitoring** by default). Why: a mitigation nobody watches is
// not known to work; a warning, because new risks may not have one yet.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/sections.hpp"

namespace mdrisk::rules {

void check_missing_recommended_section(const Tracker& t, RuleContext& ctx) {
  report_missing_sections(t, ctx, kMissingRecommendedSection, Requirement::Recommended);
}

}  // namespace mdrisk::rules
