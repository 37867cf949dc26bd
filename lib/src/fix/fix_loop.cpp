// The --fix loop: lint, apply what is applicable, re-parse, repeat until
// nothing applicable is left; then verify before anything is written.
#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "fix/content_signature.hpp"
#include "lint/linter_passes.hpp"
#include "mdrisk/fix.hpp"
#include "model/tracker_builder.hpp"

namespace mdrisk {
namespace {

bool applicable(const Diagnostic& d, const FixOptions& o) {
  if (!d.fix) return false;
  return d.fix->applicability == Applicability::Safe ||
         (o.unsafe && d.fix->applicability == Applicability::Unsafe);
}

// " (fixes applied: MR106, MR401 in pass 1; MR201 in pass 2)": a refusal
// names the rules whose fixes led to it, so a new fix that moves content
// the verifier protects is found at once.
std::string describe(const std::vector<std::set<std::string>>& applied_by) {
  std::string out;
  for (std::size_t pass = 0; pass < applied_by.size(); ++pass) {
    if (applied_by[pass].empty()) continue;
    out += out.empty() ? " (fixes applied: " : "; ";
    bool first = true;
    for (const std::string& code : applied_by[pass]) {
      out += (first ? "" : ", ") + code;
      first = false;
    }
    out += " in pass " + std::to_string(pass + 1);
  }
  return out.empty() ? out : out + ")";
}

// The output bounds of FixOptions, checked after every pass (a pass never
// shrinks what a later one pads, so the first pass over is refused early).
std::optional<Error> check_output_size(std::size_t input, std::size_t output, const FixOptions& o) {
  if (output > o.max_output_bytes) {
    return Error{ErrorKind::FixFailed, "the fixed file would be " + std::to_string(output) + " bytes, over the " +
                                           std::to_string(o.max_output_bytes >> 20) +
                                           " MiB limit (--max-file-size); nothing was written"};
  }
  const std::size_t bound = std::max(input * o.max_growth_factor, input + o.growth_slack_bytes);
  if (output > bound) {
    return Error{ErrorKind::FixFailed,
                 "the fix would grow the file from " + std::to_string(input) + " to " + std::to_string(output) +
                     " bytes (more than " + std::to_string(o.max_growth_factor) +
                     " times; table-style = \"compact\" pads no cells); nothing was written"};
  }
  return std::nullopt;
}

}  // namespace

Result<FixOutcome> fix_source(const SourceFile& source, const LintOptions& lint, const FixOptions& options) {
  FixOutcome outcome;
  // Each pass's Tracker points into its SourceFile: keep the current one alive.
  std::optional<SourceFile> current;
  std::optional<Tracker> tracker;  // the last pass's
  // What verification needs of the input, taken in pass 0: its model goes
  // when the output is parsed (and its tree went part by part as it was built).
  std::optional<ContentSignature> original_signature;
  std::optional<SignatureBuilder> signer;  // the current pass's document's
  std::vector<std::set<std::string>> applied_by;  // per pass, the rules whose fixes were applied
  std::shared_ptr<ParsedDocument> memory;  // the last pass's parse, lent to the next
  bool original_had_table = false, original_had_entries_heading = false;
  std::size_t original_entries = 0;
  const SourceFile* src = &source;
  bool converged = false;
  for (int pass = 0; pass < options.max_passes; ++pass) {
    // Never hold two models at once: the last pass's arena lends its memory
    // to this one.
    // Every document's blocks and entries are signed while its model is
    // built (SignatureBuilder), part by part, so no tree is kept: signing the
    // input afterwards, only when a fix applies, would keep the input's whole
    // tree and walk it cold: slower for messy files and no cheaper for
    // canonical ones (bench/RESULTS.md, 5d53622 and a9ac955).
    // What needs no node (the table's cells, the sort) waits for finish(),
    // which a document with nothing to fix never reaches.
    signer.emplace(src->bytes().size());
    tracker.reset();  // before the next model is built: never hold two
    try {
      tracker = parse_tracker(*src, lint.schema, BuildOptions{.observer = &*signer, .memory = &memory});
    } catch (const InputRefused& refused) {
      // The input itself, or a fixed version mdrisk would refuse to read
      // back: either way nothing is written.
      if (pass == 0) return refused.error();
      return Error{ErrorKind::FixFailed, "the fixed document would be refused (" + refused.error().message +
                                             "); nothing was written"};
    }
    // Only rules that can fix something matter to a pass that applies fixes:
    // the other findings of such a pass are never shown. Suppression
    // comments make rules depend on each other (an unused one is a fixable
    // finding), so with any of them present every rule runs.
    const bool whole = has_directives(*src);
    std::vector<Diagnostic> diags;
    if (whole) {
      diags = lint_tracker(*tracker, lint);
    } else {
      run_rules(*tracker, lint, RuleSubset::Fixable, diags);
    }
    // Fixes in lint_tracker's order, which decides between overlapping fixes
    // (lint_tracker's own output is in that order already).
    std::vector<const Fix*> fixes;
    std::vector<std::string_view> fix_rules;  // the rule of each of `fixes`
    const auto take = [&](const Diagnostic& d) {
      if (applicable(d, options)) {
        fixes.push_back(&*d.fix);
        fix_rules.push_back(d.code);
      }
    };
    if (whole) {
      for (const Diagnostic& d : diags) take(d);
    } else {
      for (std::size_t i : sorted_order(diags)) take(diags[i]);
    }
    outcome.passes = pass + 1;
    if (pass == 0) outcome.problems_fixed = fixes.size();
    if (fixes.empty()) {
      if (!whole) {  // the last pass: its findings are reported, so all of them
        run_rules(*tracker, lint, RuleSubset::NotFixable, diags);
        finish_diagnostics(*tracker, lint, diags);
      }
      outcome.remaining = std::move(diags);
      converged = true;
      break;
    }
    ApplyResult applied = apply_fixes(src->bytes(), fixes);
    applied_by.emplace_back();
    for (std::size_t i : applied.taken) applied_by.back().emplace(fix_rules[i]);
    if (applied.applied == 0 || applied.output == src->bytes()) {
      return Error{ErrorKind::Internal, "a fix did not change the document (a bug in mdrisk; nothing was written)" +
                                            describe(applied_by)};
    }
    if (auto too_big = check_output_size(source.bytes().size(), applied.output.size(), options)) return *too_big;
    outcome.fixes_applied += applied.applied;
    auto next = SourceFile::from_bytes(source.name(), std::move(applied.output));
    if (!next) return Error{ErrorKind::FixFailed, "fixed output is not valid text: " + next.error().message};
    if (pass == 0) {
      original_signature = signer->finish(*tracker);  // the cells and the sort: only when a fix applies
      original_had_table = tracker->table.has_value();
      original_had_entries_heading = tracker->entries_heading.has_value();
      original_entries = tracker->entries.size();
    }
    current.emplace(std::move(*next));
    src = &*current;
  }
  if (!converged) {
    return Error{ErrorKind::Internal, "fixes did not converge after " + std::to_string(options.max_passes) +
                                          " passes (this is a bug in mdrisk; nothing was written)" +
                                          describe(applied_by)};
  }
  outcome.output = src->bytes();
  if (outcome.fixes_applied == 0) return outcome;

  // Check 1: the result still parses into a tracker with the same parts.
  if ((original_had_table && !tracker->table) || (original_had_entries_heading && !tracker->entries_heading) ||
      tracker->entries.size() < original_entries) {
    return Error{ErrorKind::FixFailed, "safety check failed: the fixed document no longer parses into the same tracker" +
                                           describe(applied_by) + "; nothing was written"};
  }
  // Check 2 (idempotence) holds by construction: the loop stopped because no
  // applicable fix is left, i.e. a second --fix would change nothing.
  // Check 3: nothing outside the managed structure renders differently.
  const std::string diff =
      first_difference(*original_signature, signer->finish(*tracker), options.unsafe);
  if (!diff.empty()) {
    return Error{ErrorKind::FixFailed, "safety check failed: " + diff + describe(applied_by) + "; nothing was written"};
  }
  tracker.reset();  // its views point into `current`, which moves out now
  outcome.output_file = std::move(current);
  return outcome;
}

}  // namespace mdrisk
