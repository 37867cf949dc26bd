// reviewdog's Diagnostic Format (rdjson): one DiagnosticResult object, for
// `reviewdog -f=rdjson`. Positions are 1-based lines and 1-based columns
// counted in UTF-8 bytes, ranges end-exclusive (as the format defines them;
// unlike mdrisk's other formats, which count columns in characters). Safe
// fixes become suggestions, which reviewdog posts as suggested changes. A
// fix of several edits must go in all together, which a list of separate
// suggestions cannot express, so only one-edit fixes are offered.
#include <nlohmann/json.hpp>

#include "mdrisk/output.hpp"
#include "output/report_path.hpp"

namespace mdrisk {
namespace {

using nlohmann::json;

json byte_position(const SourceFile& src, std::size_t offset) {
  const Position p = src.position_of(offset);
  return {{"line", p.line}, {"column", offset - src.line_start(p.line) + 1}};
}

json byte_range(const SourceFile& src, ByteRange r) {
  return {{"start", byte_position(src, r.begin)}, {"end", byte_position(src, r.end)}};
}

}  // namespace

std::string format_rdjson(const std::vector<FileReport>& reports, const std::string& rule_help_base_uri) {
  json diagnostics = json::array();
  for (const FileReport& report : reports) {
    const SourceFile& src = *report.source;
    const std::string path = output::report_path(src);
    for (const Diagnostic& d : report.diagnostics) {
      json code = {{"value", d.code}};
      if (!rule_help_base_uri.empty()) code["url"] = rule_help_base_uri + d.code + ".md";
      json j = {{"message", d.message},
                {"location", {{"path", path}, {"range", byte_range(src, d.range)}}},
                {"severity", d.severity == Severity::Error ? "ERROR" : "WARNING"},
                {"code", std::move(code)}};
      if (d.fix && d.fix->applicability == Applicability::Safe && d.fix->edits.size() == 1) {
        const Edit& e = d.fix->edits.front();
        j["suggestions"] = json::array({{{"range", byte_range(src, e.range)}, {"text", e.replacement}}});
      }
      diagnostics.push_back(std::move(j));
    }
  }
  json result = {{"source", {{"name", "mdrisk"}, {"url", "https://github.com/mdrisk/mdrisk"}}},
                 {"diagnostics", std::move(diagnostics)}};
  return result.dump(2) + "\n";
}

}  // namespace mdrisk
