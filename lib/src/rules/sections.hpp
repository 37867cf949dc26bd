#pragma once
// Shared by MR301 and MR302, which differ only in the requirement level.
#include "rules/rule.hpp"

namespace mdrisk::rules {

void report_missing_sections(const Tracker& t, RuleContext& ctx, const RuleInfo& rule, Requirement level);

}  // namespace mdrisk::rules
