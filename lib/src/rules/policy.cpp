// MR309 policy: configured policies over cell values or lifecycle classes,
// e.g. "a risk with Impact High needs a **Monitoring** section", "an
// accepted risk gives a rationale, an approver or owner, and an expiry".
// Why: teams escalate what they require as a risk gets worse or is
// accepted rather than treated; the schema's requirement levels are the
// floor, policies raise it for the rows that need more.
#include <optional>
#include <set>

#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "rules/references.hpp"
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

// `require`/`require-one-of` policies: every risk of the register, with or
// without an entry, since a cell can hold what the policy asks for.
void check_field_policies(const Tracker& t, RuleContext& ctx) {
  const Schema& schema = *t.schema;
  // The IDs references name, read once and only when a policy asks.
  std::optional<std::set<std::string>> referenced;
  FieldRef id_field;
  id_field.column = schema.link == LinkMode::Id ? schema.id_column : schema.column_index("id");
  for (const Risk& r : register_risks(t)) {
    for (const Policy& p : schema.policies) {
      if (p.section != npos) continue;
      std::string because;
      ByteRange trigger{};
      if (p.status_class != StatusClass::None) {
        if (status_class(t, r) != p.status_class) continue;
        const FieldText s = status_text(t, r);
        const Heading* group = risk_group(t, r);  // classed by where it is: a closed section
        because = s.found ? "is " + quoted(s.text) : "is listed under " + quoted(group->text);
        trigger = s.found ? s.range : group->text_range;
        because += std::string(" (") + class_name(p.status_class) + ")";
      } else {
        const FieldText value = policy_trigger(t, r, p);
        if (!value.found) continue;
        because = "has " + schema.columns[p.column].header + " " + quoted(canonical_cell_text(&schema.columns[p.column], value.text));
        trigger = value.range;
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
      if (p.require_reference) {
        if (!referenced) {
          referenced.emplace();
          for (const Reference& ref : read_references(t)) referenced->insert(reference_key(ref.id));
        }
        const FieldText id = field_text(t, r, id_field);
        if (!id.found || !referenced->count(reference_key(id.text))) {
          need += (need.empty() ? "" : ", and ") + std::string("a reference from outside the register, such as an action naming it");
        }
      }
      if (need.empty()) continue;
      Diagnostic& d = ctx.report(kPolicy, risk_anchor(t, r),
                                 "risk " + risk_label(t, r) + " " + because + ", so it needs " + need + " (policy " +
                                     quoted(p.name) + ")");
      d.related.push_back({trigger, "what triggers the policy"});
    }
  }
}

}  // namespace

void check_policy(const Tracker& t, RuleContext& ctx) {
  const Schema& schema = *t.schema;
  if (schema.policies.empty()) return;
  for (const Entry& e : t.entries) {
    const std::optional<Risk> risk = risk_of_entry(t, e);
    if (!risk) continue;
    std::vector<bool> present(schema.sections.size(), false);
    for (const Section& s : e.sections) {
      if (s.section != npos) present[s.section] = true;
    }
    for (const Policy& p : schema.policies) {
      if (p.section == npos || present[p.section]) continue;
      const FieldText value = policy_trigger(t, *risk, p);
      if (!value.found) continue;
      present[p.section] = true;  // one finding per missing section, even if several policies want it
      Diagnostic& d = ctx.report(kPolicy, e.heading.text_range,
                                 "entry " + quoted(e.heading.text) + " has " + schema.columns[p.column].header +
                                     " " + quoted(canonical_cell_text(&schema.columns[p.column], value.text)) + ", so it needs a **" +
                                     schema.sections[p.section].label + "** section (policy " + quoted(p.name) + ")");
      d.related.push_back({value.range, "the value that triggers the policy"});
    }
  }
  check_field_policies(t, ctx);
}

}  // namespace mdrisk::rules
