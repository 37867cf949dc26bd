// MR309 policy: configured policies over cell values or lifecycle classes,
// e.g. "a risk with Impact High needs a **Monitoring** section", "an
// accepted risk gives a rationale, an approver or owner, and an expiry".
// Why: teams escalate what they require as a risk gets worse or is
// accepted rather than treated; the schema's requirement levels are the
// floor, policies raise it for the rows that need more.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {
namespace {

const char* class_name(StatusClass c) {
  switch (c) {
    case StatusClass::Open: return "open";
    case StatusClass::Accepted: return "accepted";
    case StatusClass::Closed: return "closed";
    case StatusClass::None: break;
  }
  return "";
}

std::string joined(const std::vector<std::string>& names, const char* last) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? std::string(" ") + last + " " : ", ";
    out += names[i];
  }
  return out;
}

// `require`/`require-one-of` policies: every register row, with or without
// an entry, since a cell can hold what the policy asks for.
void check_field_policies(const Tracker& t, RuleContext& ctx) {
  const Schema& schema = *t.schema;
  for (std::size_t r = 0; r < t.row_count(); ++r) {
    for (const Policy& p : schema.policies) {
      if (p.section != npos) continue;
      std::string because;
      ByteRange trigger{};
      if (p.status_class != StatusClass::None) {
        if (status_class(t, r) != p.status_class) continue;
        const FieldText s = status_text(t, r);
        because = s.found ? "is " + quoted(s.text) : "is listed under " + quoted(t.table_of_row(r).group->text);
        trigger = s.found ? s.range : t.table_of_row(r).group->text_range;
        because += std::string(" (") + class_name(p.status_class) + ")";
      } else {
        const Cell* cell = t.cell(r, p.column);
        if (!cell) continue;
        const std::string value = canonical_cell_text(&schema.columns[p.column], cell->text);
        bool triggered = false;
        for (const auto& v : p.values) triggered = triggered || v == value;
        if (!triggered) continue;
        because = "has " + schema.columns[p.column].header + " " + quoted(value);
        trigger = cell->text_range;
      }
      std::vector<std::string> missing;
      for (const FieldRef& f : p.require) {
        if (!field_text(t, r, f).found) missing.push_back(field_title(schema, f));
      }
      std::string need = joined(missing, "and");
      if (!p.require_one_of.empty()) {
        bool any = false;
        std::vector<std::string> names;
        for (const FieldRef& f : p.require_one_of) {
          any = any || field_text(t, r, f).found;
          names.push_back(field_title(schema, f));
        }
        if (!any) need += (need.empty() ? "" : ", and ") + std::string("one of ") + joined(names, "or");
      }
      if (need.empty()) continue;
      const Entry* e = t.entry_for_row(r);
      const std::size_t key = schema.link == LinkMode::Id ? schema.id_column : schema.name_column;
      const Cell* key_cell = t.cell(r, key);
      const ByteRange at = key_cell && !key_cell->text.empty() ? key_cell->text_range
                           : e                                ? e->heading.text_range
                                                              : t.row(r).range;
      Diagnostic& d = ctx.report(kPolicy, at,
                                 "risk " + risk_label(t, r) + " " + because + ", so it needs " + need + " (policy " +
                                     quoted(p.name) + ")");
      d.related.push_back({trigger, "what triggers the policy"});
    }
  }
}

}  // namespace

void check_policy(const Tracker& t, RuleContext& ctx) {
  const Schema& schema = *t.schema;
  if (!t.table || schema.policies.empty()) return;
  for (const Entry& e : t.entries) {
    if (e.row == npos) continue;
    std::vector<bool> present(schema.sections.size(), false);
    for (const Section& s : e.sections) {
      if (s.section != npos) present[s.section] = true;
    }
    for (const Policy& p : schema.policies) {
      if (p.section == npos || present[p.section]) continue;
      const Cell* cell = t.cell(e.row, p.column);
      if (!cell) continue;
      const std::string value = canonical_cell_text(&schema.columns[p.column], cell->text);
      bool triggered = false;
      for (const auto& v : p.values) triggered = triggered || v == value;
      if (!triggered) continue;
      present[p.section] = true;  // one finding per missing section, even if several policies want it
      Diagnostic& d = ctx.report(kPolicy, e.heading.text_range,
                                 "entry " + quoted(e.heading.text) + " has " + schema.columns[p.column].header +
                                     " " + quoted(value) + ", so it needs a **" + schema.sections[p.section].label +
                                     "** section (policy " + quoted(p.name) + ")");
      d.related.push_back({cell->text_range, "the value that triggers the policy"});
    }
  }
  check_field_policies(t, ctx);
}

}  // namespace mdrisk::rules
