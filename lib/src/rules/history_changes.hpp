#pragma once
// What the history rules (MR820-MR822) share: the changes between the
// register at the `--base` revision and the one being linted.
#include <string>
#include <vector>

#include "mdrisk/register_snapshot.hpp"
#include "rules/rule.hpp"

namespace mdrisk::rules {

struct HistoryView {
  RegisterSnapshot now;
  std::vector<RiskChange> changes;
};

// Empty when there is no previous version to compare with.
inline HistoryView history_view(const Tracker& t, const RuleContext& ctx) {
  HistoryView v;
  if (!ctx.previous) return v;
  v.now = snapshot_register(t, "working tree");
  v.changes = compare_registers(*ctx.previous, v.now);
  return v;
}

// "'R-2' (Data loss)", or "'Data loss'" in a register without IDs.
inline std::string risk_label(const RiskRecord& r) {
  if (r.id.empty()) return "'" + r.name + "'";
  return "'" + r.id + "'" + (r.name.empty() ? std::string() : " (" + r.name + ")");
}

}  // namespace mdrisk::rules
