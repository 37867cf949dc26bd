// The one ordered list of rules, made from rules.def: no static
// self-registration, so the order (and the output) is stable.
#include "rules/all.hpp"

namespace mdrisk {
namespace rules {

#define MDRISK_RULE(code, name, ident, fn, severity, fix, summary) \
  const RuleInfo ident{#code, name, summary, Severity::severity, RuleFix::fix != RuleFix::None, RuleFix::fix};
#include "rules/rules.def"
#undef MDRISK_RULE

const std::vector<Rule>& registry() {
  static const std::vector<Rule> kRules = {
#define MDRISK_RULE(code, name, ident, fn, severity, fix, summary) {ident, fn},
#include "rules/rules.def"
#undef MDRISK_RULE
  };
  return kRules;
}

}  // namespace rules

const std::vector<RuleInfo>& rule_catalog() {
  static const std::vector<RuleInfo> kCatalog = [] {
    std::vector<RuleInfo> v;
    for (const auto& r : rules::registry()) v.push_back(r.info);
    return v;
  }();
  return kCatalog;
}

std::string_view rule_fix_name(RuleFix fix) {
  switch (fix) {
    case RuleFix::Safe: return "safe";
    case RuleFix::Unsafe: return "unsafe";
    case RuleFix::None: break;
  }
  return "";
}

const RuleInfo* find_rule(std::string_view code_or_name) {
  for (const auto& r : rule_catalog()) {
    if (r.code == code_or_name || r.name == code_or_name) return &r;
  }
  return nullptr;
}

}  // namespace mdrisk
