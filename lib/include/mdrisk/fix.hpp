#pragma once
// The fix engine: splice non-overlapping edits into the original bytes, and
// the --fix loop that applies, re-parses, re-lints and verifies until
// nothing applicable is left.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/diagnostic.hpp"
#include "mdrisk/error.hpp"
#include "mdrisk/linter.hpp"

namespace mdrisk {

struct ApplyResult {
  std::string output;
  std::size_t applied = 0;  // fixes taken
  std::size_t skipped = 0;  // fixes left for a later pass (overlap) or invalid
  std::vector<std::size_t> taken;  // indices (into the fixes given) of those applied
};

// Applies whole fixes in order of their first edit; a fix whose edits
// overlap an edit already taken (or insert at the same point) is skipped,
// as is an exact duplicate of a taken fix. One pass, O(n log n).
ApplyResult apply_fixes(std::string_view original, const std::vector<const Fix*>& fixes);

struct FixOptions {
  bool unsafe = false;       // also apply Applicability::Unsafe fixes
  int max_passes = 16;       // parse/lint/apply rounds before giving up
  // Output bounds: a fix whose result would exceed either is refused
  // (FixFailed, nothing written), so --fix never writes a file the next
  // run refuses as too large, and a table re-padded to one huge cell
  // cannot multiply the file. The growth bound is the larger of
  // max_growth_factor × the input and the input + growth_slack_bytes.
  std::size_t max_output_bytes = std::size_t{64} << 20;  // the CLI passes --max-file-size
  std::size_t max_growth_factor = 4;
  std::size_t growth_slack_bytes = std::size_t{1} << 20;
};

struct FixOutcome {
  std::string output;                    // the fixed bytes (== input when nothing applied)
  std::size_t fixes_applied = 0;          // fixes spliced in, over all passes
  std::size_t problems_fixed = 0;         // findings of the input that had an applicable fix
  int passes = 0;
  std::vector<Diagnostic> remaining;     // diagnostics of the output
  // The output, validated and indexed as the last pass read it (set when
  // changed()): what `remaining` points into, without validating it again.
  std::optional<SourceFile> output_file;
  bool changed() const { return fixes_applied > 0; }
};

// Runs the fix loop and the safety checks (output parses into a tracker;
// no applicable fix left; rendered HTML outside the managed structure
// unchanged). An error means: write nothing.
Result<FixOutcome> fix_source(const SourceFile& source, const LintOptions& lint, const FixOptions& options);

}  // namespace mdrisk
