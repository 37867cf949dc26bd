// MR304 empty-section: a label with no text and no items under it.
// Why: an empty **Monitoring** reads as "we monitor this" when nobody does.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_empty_section(const Tracker& t, RuleContext& ctx) {
  for (const Entry& e : t.entries) {
    for (const Section& s : e.sections) {
      if (s.has_content || !s.flattened.empty()) continue;
      ctx.report(kEmptySection, s.label.range,
                 "section **" + std::string(s.label.text) + "** of entry " + quoted(e.heading.text) + " is empty");
    }
  }
}

}  // namespace mdrisk::rules
