#pragma once
// Metadata of a rule: its stable code, name and summary. The list is public
// so front ends can print it (`mdrisk rules`) and emit SARIF rule metadata;
// it is made from lib/src/rules/rules.def, the one place it is written.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/diagnostic.hpp"

namespace mdrisk {

// The fix a rule can offer, where it offers one.
enum class RuleFix { None, Safe, Unsafe };

struct RuleInfo {
  std::string_view code;     // "MR201": never reused, never renumbered
  std::string_view name;     // "missing-entry"
  std::string_view summary;  // one line
  Severity severity;         // default severity
  bool fixable;              // has a fix (safe or unsafe) in some cases
  RuleFix fix = RuleFix::None;
};

// "safe", "unsafe" or "" (RuleFix::None).
std::string_view rule_fix_name(RuleFix fix);

// Every rule, in registry (= code) order.
const std::vector<RuleInfo>& rule_catalog();
// nullptr when `code_or_name` is neither a known code nor a known name.
const RuleInfo* find_rule(std::string_view code_or_name);

// The one reading of a rule selector (--select, --ignore, [rules] select and
// ignore): "ALL", a code ("MR201"), a rule name ("missing-entry", read as its
// code) or a prefix of at least one code ("MR2"). What the linter matches
// by prefix; nullopt when no rule matches (the caller reports
// unknown_selector_message and exits 2).
std::optional<std::string> resolve_rule_selector(std::string_view selector);
std::string unknown_selector_message(std::string_view selector);

}  // namespace mdrisk
