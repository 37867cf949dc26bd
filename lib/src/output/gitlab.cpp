// GitLab Code Quality: a JSON array of issues (the subset of the Code
// Climate format GitLab reads), for a merge request's Code Quality widget.
// GitLab needs description, check_name, fingerprint, severity,
// location.path and location.lines.begin; the fingerprint must be unique
// per issue across the whole report and stable across pipelines, so it is
// the SARIF fingerprint (stable under edits elsewhere) hashed with the path.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mdrisk/output.hpp"
#include "output/hash.hpp"
#include "output/report_path.hpp"

namespace mdrisk {

std::string format_gitlab(const std::vector<FileReport>& reports) {
  using nlohmann::json;
  json issues = json::array();
  for (const FileReport& report : reports) {
    const SourceFile& src = *report.source;
    const std::string path = output::report_path(src);
    const std::vector<std::string> prints = fingerprints(report);
    for (std::size_t i = 0; i < report.diagnostics.size(); ++i) {
      const Diagnostic& d = report.diagnostics[i];
      const Position b = src.position_of(d.range.begin);
      const Position e = src.position_of(d.range.end);
      const std::uint64_t h = output::fnv1a(prints[i], output::fnv1a(path + '\x1f'));
      issues.push_back({{"type", "issue"},
                        {"engine_name", "mdrisk"},
                        {"check_name", d.code},
                        {"description", fmt::format("{} [{}]", d.message, d.code)},
                        {"severity", d.severity == Severity::Error ? "major" : "minor"},
                        {"fingerprint", fmt::format("{:016x}", h)},
                        {"location", {{"path", path}, {"lines", {{"begin", b.line}, {"end", e.line}}}}}});
    }
  }
  return issues.dump(2) + "\n";
}

}  // namespace mdrisk
