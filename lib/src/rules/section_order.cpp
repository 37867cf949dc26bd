// MR306 section-order: sections appear as Context, Mitigation, Monitoring.
// Why: the same order in every entry makes a long register scannable. The
// fix moves whole sections (label bullet and its items) byte for byte; it
// is offered for tight lists only, where moving items keeps the rendering.
#include <algorithm>
#include <numeric>

#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

namespace {

std::optional<Fix> reorder_sections(const Entry& e, const SourceFile& src) {
  if (!e.list_is_tight || e.sections.empty() || e.sections.front().item == npos) return std::nullopt;
  // Groups: items before the first label, then one per section.
  struct Group {
    std::size_t key, first, last;
  };
  std::vector<Group> groups;
  if (e.sections.front().item > 0) groups.push_back({0, 0, e.sections.front().item - 1});
  std::size_t key = 0;
  for (std::size_t i = 0; i < e.sections.size(); ++i) {
    const Section& s = e.sections[i];
    if (s.section != npos) key = s.section;
    const std::size_t last = i + 1 < e.sections.size() ? e.sections[i + 1].item - 1 : e.items.size() - 1;
    groups.push_back({key, s.item, last});
  }
  std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.key < b.key; });
  std::string text;
  for (const Group& g : groups) {
    for (std::size_t i = g.first; i <= g.last; ++i) {
      if (!text.empty()) text.append(src.eol());
      const ByteRange r = e.items[i].range;
      text.append(src.bytes(), r.begin, r.size());
    }
  }
  const ByteRange whole{e.items.front().range.begin, e.items.back().range.end};
  return make_fix(Applicability::Safe, "reorder the sections", {{whole, text}});
}

}  // namespace

void check_section_order(const Tracker& t, RuleContext& ctx) {
  for (const Entry& e : t.entries) {
    std::size_t max_seen = 0;
    bool any = false;
    for (const Section& s : e.sections) {
      if (s.section == npos) continue;
      if (any && s.section < max_seen) {
        const Label& label = s.label;
        ctx.report(kSectionOrder, label.text_range,
                   "section **" + std::string(label.text) + "** should come before **" +
                       canonical_label(*t.schema, max_seen) + "** in entry " + quoted(e.heading.text))
            .fix = reorder_sections(e, ctx.source);
        break;
      }
      max_seen = std::max(max_seen, s.section);
      any = true;
    }
  }
}

}  // namespace mdrisk::rules
