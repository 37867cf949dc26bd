// MR303 section-alias: a section label written as an alias
// (`Mitigation Actions`, `Mitigations`, `Monitor`). Why: one spelling per
// section keeps trackers greppable and lets tools read them.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_section_alias(const Tracker& t, RuleContext& ctx) {
  for (const Entry& e : t.entries) {
    for (const Section& s : e.sections) {
      const Label& label = s.label;
      if (s.section == npos || !label.alias) continue;
      const std::string& canonical = canonical_label(*t.schema, s.section);
      Diagnostic& d = ctx.report(kSectionAlias, label.text_range,
                                 "label " + quoted(label.text) + " should be " + quoted(canonical));
      // Renamed in bullet fields only: elsewhere the label is part of a
      // paragraph, heading or table the verifier compares as rendered.
      if (s.item != npos) {
        d.fix = make_fix(Applicability::Safe, "rename the label to " + quoted(canonical), {{label.text_range, canonical}});
      }
    }
  }
}

}  // namespace mdrisk::rules
