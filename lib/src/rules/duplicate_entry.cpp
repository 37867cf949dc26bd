// MR205 duplicate-entry: two detailed entries for the same risk.
// Why: readers update one and not the other; they drift apart.
#include <string_view>
#include <unordered_map>

#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_duplicate_entry(const Tracker& t, RuleContext& ctx) {
  // Keyed by views of the entries' own keys: no copy per entry.
  std::unordered_map<std::string_view, std::size_t> first;
  first.reserve(t.entries.size());
  for (std::size_t i = 0; i < t.entries.size(); ++i) {
    const Entry& e = t.entries[i];
    if (e.key.empty()) continue;
    auto [it, inserted] = first.emplace(e.key, i);
    if (inserted) continue;
    const Entry& earlier = t.entries[it->second];
    Diagnostic& d = ctx.report(kDuplicateEntry, e.heading.text_range,
                               "entry " + quoted(e.heading.text) + " duplicates the entry on " +
                                   line_ref(ctx.source, earlier.heading.range.begin));
    d.related.push_back({earlier.heading.text_range, "first entry"});
  }
}

}  // namespace mdrisk::rules
