#pragma once
// Linting: parse a SourceFile into a Tracker and run every enabled rule.
#include <map>
#include <optional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "mdrisk/diagnostic.hpp"
#include "mdrisk/register_snapshot.hpp"
#include "mdrisk/schema.hpp"
#include "mdrisk/source.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk {

// Which rules run and how loud they are (from config and command line).
struct RuleSettings {
  std::vector<std::string> select;  // code prefixes to enable; empty = all
  std::vector<std::string> ignore;  // code prefixes to disable (wins over select)
  std::vector<std::string> enable;  // exact codes to run even when not selected
  std::vector<std::string> disable; // exact codes never to run (wins over everything)
  // Severity overrides keyed by code, code prefix or "ALL"; the most
  // specific key that matches a code wins (MR401 over MR4 over ALL).
  std::map<std::string, Severity> severity;
  bool enabled(std::string_view code) const;
  const Severity* severity_of(std::string_view code) const;
};

struct LintOptions {
  Schema schema = Schema::defaults();
  RuleSettings rules;
  // The day date findings are judged on (`--as-of`); unset: what the
  // config's `[dates] as-of` says, by default today. Set it wherever the
  // result must not change from one day to the next (CI, tests).
  std::optional<Date> as_of;
  // The register as it was at an earlier revision (`--base REV`), for the
  // history rules MR820-MR839; null: they find nothing. One file's, so a
  // run with --base gives each file its own copy of the options.
  std::shared_ptr<const RegisterSnapshot> previous;
};

// Diagnostics sorted by position, then code. Throws InputRefused
// (mdrisk/error.hpp) when the input guard refuses the document.
std::vector<Diagnostic> lint(const SourceFile& source, const LintOptions& options);
std::vector<Diagnostic> lint_tracker(const Tracker& tracker, const LintOptions& options);

}  // namespace mdrisk
