// Rule selectors, read the same way on the command line and in .mdrisk.toml
// (mdrisk/rule_info.hpp): a selector that matches no rule is an error in
// both, never a silent "All checks passed".
#include <algorithm>

#include "base/text.hpp"
#include "mdrisk/rule_info.hpp"

namespace mdrisk {

std::optional<std::string> resolve_rule_selector(std::string_view selector) {
  if (selector == "ALL") return std::string(selector);
  if (const RuleInfo* r = find_rule(selector)) return std::string(r->code);
  const auto& rules = rule_catalog();
  const bool prefix = std::any_of(rules.begin(), rules.end(), [&](const RuleInfo& r) {
    return !selector.empty() && text::starts_with(r.code, selector);
  });
  if (prefix) return std::string(selector);
  return std::nullopt;
}

std::string unknown_selector_message(std::string_view selector) {
  return "'" + std::string(selector) + "' is not a rule code, name or code prefix (see `mdrisk rules`)";
}

}  // namespace mdrisk
