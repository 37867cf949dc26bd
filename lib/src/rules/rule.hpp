#pragma once
// What every rule file includes: the context a rule reports through.
#include <optional>
#include <string>
#include <vector>

#include "mdrisk/diagnostic.hpp"
#include "mdrisk/register_snapshot.hpp"
#include "mdrisk/rule_info.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk::rules {

class RuleContext {
 public:
  RuleContext(const Tracker& t, std::vector<Diagnostic>& out) : tracker(t), source(*t.source), schema(*t.schema), out_(out) {}

  Diagnostic& report(const RuleInfo& rule, ByteRange range, std::string message) {
    Diagnostic& d = out_.emplace_back();  // built in place, not moved in
    d.code = rule.code;
    d.name = rule.name;
    d.severity = rule.severity;
    d.message = std::move(message);
    d.range = range;
    return d;
  }

  const Tracker& tracker;
  const SourceFile& source;
  const Schema& schema;
  std::optional<Date> as_of;  // LintOptions::as_of: overrides the config's `[dates] as-of`
  // The register at the revision `--base` names, or null (history rules only).
  const RegisterSnapshot* previous = nullptr;

 private:
  std::vector<Diagnostic>& out_;
};

using CheckFn = void (*)(const Tracker&, RuleContext&);

struct Rule {
  const RuleInfo& info;
  CheckFn check;
};

// The explicit, ordered registry (registry.cpp).
const std::vector<Rule>& registry();

// Shorthand for a fix with edits.
inline Fix make_fix(Applicability a, std::string title, std::vector<Edit> edits) {
  return Fix{a, std::move(title), std::move(edits)};
}

}  // namespace mdrisk::rules
