// MR722 duplicate-id: two risks of one document carry the same ID, in the
// same table or across tables (active and closed).
// Why: an ID is never reused, or a reference to a closed risk silently
// lands on a new one. When entries link to rows by ID, MR107 already
// reports this, and this rule stays quiet; so does it for entries whose
// headings carry the ID in a register without a table (MR205).
#include <string>
#include <unordered_map>

#include "base/text.hpp"
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {

void check_duplicate_id(const Tracker& t, RuleContext& ctx) {
  const Schema& s = *t.schema;
  if (s.ids.column == npos) return;
  if (s.link == LinkMode::Id && s.id_column == s.ids.column) return;
  FieldRef f;
  f.column = s.ids.column;
  std::unordered_map<std::string, ByteRange> first;
  for (const Risk& r : register_risks(t)) {
    const FieldText id = field_text(t, r, f);
    if (!id.found) continue;
    auto [it, inserted] = first.emplace(text::normalize_name(id.text), id.range);
    if (inserted) continue;
    // Entries of a table-less register are keyed by their heading's ID:
    // a second `## R-05: …` is MR205's duplicate entry.
    if (r.row == npos && id.text.data() == r.entry->id.data()) continue;
    Diagnostic& d = ctx.report(kDuplicateId, id.range,
                               s.columns[s.ids.column].header + " " + quoted(id.text) + " is already used on " +
                                   line_ref(ctx.source, it->second.begin));
    d.related.push_back({it->second, "first used here"});
  }
}

}  // namespace mdrisk::rules
