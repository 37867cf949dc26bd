#include <nlohmann/json.hpp>

#include "mdrisk/output.hpp"

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

std::string format_json(const std::vector<FileReport>& reports) {
  json all = json::array();
  for (const FileReport& report : reports) {
    const SourceFile& src = *report.source;
    for (const Diagnostic& d : report.diagnostics) {
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
      all.push_back(std::move(j));
    }
  }
  return all.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace mdrisk
