#pragma once
// Formatting diagnostics. Returns text; printing is the caller's job.
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/diagnostic.hpp"
#include "mdrisk/source.hpp"

namespace mdrisk {

// One file's findings, as the emitters see them.
struct FileReport {
  const SourceFile* source = nullptr;
  std::vector<Diagnostic> diagnostics;
};

// A file name as every format prints it: bytes that are not UTF-8 and
// control characters (newline, ESC, C1) as \xHH, the rest as is. The one
// place new formats take names from.
std::string printable_name(std::string_view name);

// "path:line:col: severity: message [CODE]" per finding, one per line.
std::string format_concise(const FileReport& report);
// A JSON array of every finding of every file (schema in docs/output.md).
std::string format_json(const std::vector<FileReport>& reports);

// The full text format: the concise line, then the source line with the
// span underlined, related places and the fix title (docs/output.md).
struct TextStyle {
  bool color = false;  // ANSI colours (the caller decides: terminal, NO_COLOR, --color)
};
std::string format_text(const FileReport& report, const TextStyle& style = {});

// GitHub Actions workflow commands: "::error file=..,line=..::message".
std::string format_github(const std::vector<FileReport>& reports);

// SARIF 2.1.0 with rule metadata; one run over every file.
struct SarifOptions {
  std::string tool_version;       // driver.version
  std::string rule_help_base_uri; // helpUri = base + CODE + ".md"; empty: no helpUri
  // The rule's documentation (Markdown) for help text, or empty for the summary.
  std::string (*rule_help)(std::string_view code) = nullptr;
};
std::string format_sarif(const std::vector<FileReport>& reports, const SarifOptions& options);
// partialFingerprints value: stable across edits elsewhere in the file (a
// hash of the code, the whitespace-normalised message with any "line N" in
// it masked, and the text of the finding's line, never its line number);
// `occurrence` tells identical findings apart.
std::string fingerprint(const SourceFile& source, const Diagnostic& d, std::size_t occurrence = 0);

// Each finding's partialFingerprints value, in report order (occurrences
// counted as format_sarif counts them): what baselines and gitlab key on.
std::vector<std::string> fingerprints(const FileReport& report);

// One compact JSON object per line, the same objects as format_json.
std::string format_json_lines(const std::vector<FileReport>& reports);
// GitLab Code Quality: an array of issues (description, check_name,
// fingerprint, severity, location.path, location.lines.begin/end).
std::string format_gitlab(const std::vector<FileReport>& reports);
// JUnit XML: one testsuite per file, one failing testcase per finding.
std::string format_junit(const std::vector<FileReport>& reports);
// reviewdog's Diagnostic Format (rdjson); code.url = base + CODE + ".md"
// when the base is not empty; safe one-edit fixes as suggestions.
std::string format_rdjson(const std::vector<FileReport>& reports, const std::string& rule_help_base_uri = "");

// Counts per rule, most frequent first: "   4  MR201  missing-entry", " [*]" when fixable.
std::string format_statistics(const std::vector<FileReport>& reports);
std::string format_statistics_json(const std::vector<FileReport>& reports);

struct Totals {
  std::size_t files = 0, errors = 0, warnings = 0, fixable = 0, fixed = 0;
};
// "Found 3 problems (2 errors, 1 warning) in 1 file." / "All checks passed (1 file)."
std::string format_summary(const Totals& totals);

}  // namespace mdrisk
