// MR305 unknown-section: a bold label the schema does not know.
// Why: usually a typo (`**Contxt**`) that hides a missing section.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_unknown_section(const Tracker& t, RuleContext& ctx) {
  for (const Entry& e : t.entries) {
    for (const Section& s : e.sections) {
      if (s.section != npos) continue;
      const Label& label = s.label;
      ctx.report(kUnknownSection, label.text_range,
                 "unknown section label " + quoted(label.text) + " in entry " + quoted(e.heading.text));
    }
  }
}

}  // namespace mdrisk::rules
