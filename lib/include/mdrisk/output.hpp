#pragma once
// Formatting diagnostics. Returns text; printing is the caller's job.
#include <string>
#include <vector>

#include "mdrisk/diagnostic.hpp"
#include "mdrisk/source.hpp"

namespace mdrisk {

// One file's findings, as the emitters see them.
struct FileReport {
  const SourceFile* source = nullptr;
  std::vector<Diagnostic> diagnostics;
};

// "path:line:col: severity: message [CODE]" per finding, one per line.
std::string format_text(const FileReport& report);
// A JSON array of every finding of every file (schema in docs/output.md).
std::string format_json(const std::vector<FileReport>& reports);

struct Totals {
  std::size_t files = 0, errors = 0, warnings = 0, fixable = 0, fixed = 0;
};
// "Found 3 problems (2 errors, 1 warning) in 1 file." / "All checks passed (1 file)."
std::string format_summary(const Totals& totals);

}  // namespace mdrisk
