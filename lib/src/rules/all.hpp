#pragma once
// Declarations of every rule, from rules.def.
#include "rules/rule.hpp"

namespace mdrisk::rules {

// One declaration pair per line of rules.def: the rule's metadata (defined
// in registry.cpp) and its check (defined in the rule's own file).
#define MDRISK_RULE(code, name, ident, fn, severity, fix, summary) \
  extern const RuleInfo ident;                                       \
  void fn(const Tracker& t, RuleContext& ctx);
#include "rules/rules.def"
#undef MDRISK_RULE

}  // namespace mdrisk::rules
namespace mdrisk { struct Directive; }
namespace mdrisk::rules {
void report_unused_suppressions(const std::vector<Directive>& directives, RuleContext& ctx);

}  // namespace mdrisk::rules
