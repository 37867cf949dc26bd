#pragma once
// lint_tracker in two halves, for the --fix loop: a pass that applies fixes
// only needs the rules that can make one, and its other findings are thrown
// away (only the last pass's diagnostics are reported).
#include <vector>

#include "mdrisk/linter.hpp"

namespace mdrisk {

enum class RuleSubset { All, Fixable, NotFixable };

// Runs the enabled rules of `subset`, appending to `out` in registry order
// (no suppressions, severities or sorting yet).
void run_rules(const Tracker& tracker, const LintOptions& options, RuleSubset subset, std::vector<Diagnostic>& out);

// Applies suppressions (reporting unused ones) and severity overrides, then
// sorts: what lint_tracker returns, given every rule's findings.
void finish_diagnostics(const Tracker& tracker, const LintOptions& options, std::vector<Diagnostic>& out);

// Whether the source holds any `<!-- mdrisk-... -->` directive. Without one,
// a fixable rule's findings do not depend on any other rule's.
bool has_directives(const SourceFile& source);

// Indices of `diagnostics` in lint_tracker's order (position, then code;
// stable), without moving the diagnostics.
std::vector<std::size_t> sorted_order(const std::vector<Diagnostic>& diagnostics);

}  // namespace mdrisk
