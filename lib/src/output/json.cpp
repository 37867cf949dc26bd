// The json and json-lines formats: one object per finding (docs/output.md).
#include <nlohmann/json.hpp>

#include "mdrisk/output.hpp"
#include "output/finding_json.hpp"

namespace mdrisk {
namespace {

using nlohmann::json;

json position(const SourceFile& src, std::size_t offset) {
  const Position p = src.position_of(offset);
  return {{"line", p.line}, {"column", p.column}, {"offset", offset}};
}

json range(const SourceFile& src, ByteRange r) {
  return {{"start", position(src, r.begin)}, {"end", position(src, r.end)}};
}

}  // namespace

nlohmann::json finding_json(const SourceFile& src, const Diagnostic& d) {
  json j = {{"file", printable_name(src.name())},        {"code", d.code},       {"name", d.name},
            {"severity", severity_name(d.severity)}, {"message", d.message}, {"range", range(src, d.range)}};
  json related = json::array();
  for (const auto& r : d.related) related.push_back({{"range", range(src, r.range)}, {"message", r.message}});
  j["related"] = std::move(related);
  if (d.fix) {
    json edits = json::array();
    for (const Edit& e : d.fix->edits) edits.push_back({{"range", range(src, e.range)}, {"content", e.replacement}});
    j["fix"] = {{"applicability", applicability_name(d.fix->applicability)},
                {"title", d.fix->title},
                {"edits", std::move(edits)}};
  } else {
    j["fix"] = nullptr;
  }
  return j;
}

std::string format_json(const std::vector<FileReport>& reports) {
  json all = json::array();
  for (const FileReport& report : reports) {
    for (const Diagnostic& d : report.diagnostics) all.push_back(finding_json(*report.source, d));
  }
  return all.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// The same objects as format_json, one compact object per line, so a
// consumer can stream them (and `grep`/`jq -c` them) without parsing an array.
std::string format_json_lines(const std::vector<FileReport>& reports) {
  std::string out;
  for (const FileReport& report : reports) {
    for (const Diagnostic& d : report.diagnostics) {
      out += finding_json(*report.source, d).dump();
      out += '\n';
    }
  }
  return out;
}

}  // namespace mdrisk
