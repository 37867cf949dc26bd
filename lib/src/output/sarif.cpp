// SARIF 2.1.0: one run, the rule catalogue as driver.rules, one result per
// finding with its region, related locations, fixes and a partial
// fingerprint that survives edits elsewhere in the file (code scanning uses
// it to keep an alert's identity when lines move).
#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>

#include "mdrisk/output.hpp"
#include "mdrisk/rule_info.hpp"
#include "output/hash.hpp"
#include "base/text.hpp"

namespace mdrisk {
namespace {

using nlohmann::json;

// Whitespace runs collapsed to one space, trimmed: indentation or
// re-alignment of a line does not change a fingerprint.
std::string squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

using output::fnv1a;

// "line 12" -> "line #": some messages point at a related line ("differs
// from table row 'X' (line 9)"), and that number changes when lines are
// added above, which must not change the fingerprint.
std::string without_line_numbers(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i).starts_with("line ") && i + 5 < s.size() && s[i + 5] >= '0' && s[i + 5] <= '9') {
      out += "line #";
      i += 5;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      continue;
    }
    out += s[i++];
  }
  return out;
}

// A relative path as a URI reference: unreserved characters and '/' kept,
// everything else percent-encoded; an absolute path becomes a file:// URI.
std::string path_uri(std::string_view path) {
  std::string out;
  bool absolute = !path.empty() && path.front() == '/';
  while (path.starts_with("./")) path.remove_prefix(2);
  if (absolute) out = "file://";
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// SARIF's result levels use the same two words as mdrisk's severities.
const char* level(Severity s) { return severity_name(s); }

json region(const SourceFile& src, ByteRange r) {
  const Position b = src.position_of(r.begin);
  const Position e = src.position_of(r.end);
  return {{"startLine", b.line},     {"startColumn", b.column}, {"endLine", e.line},
          {"endColumn", e.column},   {"byteOffset", r.begin},   {"byteLength", r.size()}};
}

json location(const SourceFile& src, ByteRange r) {
  return {{"physicalLocation", {{"artifactLocation", {{"uri", path_uri(src.name())}}}, {"region", region(src, r)}}}};
}

json rule_descriptor(const RuleInfo& r, const SarifOptions& opt) {
  std::string help = opt.rule_help ? opt.rule_help(r.code) : std::string();
  const std::string summary(r.summary);
  json j = {{"id", r.code},
            {"name", r.name},
            {"shortDescription", {{"text", summary}}},
            {"fullDescription", {{"text", summary}}},
            {"defaultConfiguration", {{"level", level(r.severity)}}},
            {"properties", {{"fixable", r.fixable}, {"tags", json::array({"markdown", "risk-tracker"})}}}};
  if (help.empty()) {
    j["help"] = {{"text", summary}};
  } else {
    j["help"] = {{"text", help}, {"markdown", help}};
  }
  if (!opt.rule_help_base_uri.empty()) j["helpUri"] = opt.rule_help_base_uri + std::string(r.code) + ".md";
  return j;
}

}  // namespace

std::string fingerprint(const SourceFile& source, const Diagnostic& d, std::size_t occurrence) {
  std::uint64_t h = fnv1a(d.code);
  h = fnv1a("\x1f", h);
  h = fnv1a(squeeze(without_line_numbers(d.message)), h);
  h = fnv1a("\x1f", h);
  h = fnv1a(squeeze(source.line_text(source.line_of(d.range.begin))), h);
  return fmt::format("{:016x}:{}", h, occurrence);
}

std::vector<std::string> fingerprints(const FileReport& report) {
  std::vector<std::string> out;
  std::map<std::string, std::size_t> seen;  // fingerprint base -> occurrences so far
  for (const Diagnostic& d : report.diagnostics) {
    const std::string base = fingerprint(*report.source, d, 0);
    out.push_back(fingerprint(*report.source, d, seen[base]++));
  }
  return out;
}

std::string format_sarif(const std::vector<FileReport>& reports, const SarifOptions& opt) {
  json rules = json::array();
  std::map<std::string_view, std::size_t> rule_index;
  for (const RuleInfo& r : rule_catalog()) {
    rule_index[r.code] = rules.size();
    rules.push_back(rule_descriptor(r, opt));
  }
  json driver = {{"name", "mdrisk"}, {"rules", std::move(rules)}};
  if (!opt.tool_version.empty()) {
    driver["version"] = opt.tool_version;
    driver["semanticVersion"] = opt.tool_version;
  }

  json results = json::array();
  json artifacts = json::array();
  for (const FileReport& report : reports) {
    const SourceFile& src = *report.source;
    artifacts.push_back({{"location", {{"uri", path_uri(src.name())}}}, {"encoding", "utf-8"},
                         {"sourceLanguage", "markdown"}});
    const std::vector<std::string> prints = fingerprints(report);
    for (std::size_t i = 0; i < report.diagnostics.size(); ++i) {
      const Diagnostic& d = report.diagnostics[i];
      json result = {{"ruleId", d.code},
                     {"level", level(d.severity)},
                     {"message", {{"text", d.message}}},
                     {"locations", json::array({location(src, d.range)})},
                     {"partialFingerprints", {{"mdrisk/v1", prints[i]}}}};
      if (auto it = rule_index.find(d.code); it != rule_index.end()) result["ruleIndex"] = it->second;
      if (!d.related.empty()) {
        json related = json::array();
        int id = 1;
        for (const RelatedLocation& r : d.related) {
          json loc = location(src, r.range);
          loc["id"] = id++;
          if (!r.message.empty()) loc["message"] = {{"text", r.message}};
          related.push_back(std::move(loc));
        }
        result["relatedLocations"] = std::move(related);
      }
      if (d.fix && !d.fix->edits.empty()) {
        json replacements = json::array();
        for (const Edit& e : d.fix->edits) {
          replacements.push_back({{"deletedRegion", {{"byteOffset", e.range.begin}, {"byteLength", e.range.size()}}},
                                  {"insertedContent", {{"text", e.replacement}}}});
        }
        result["fixes"] = json::array(
            {{{"description", {{"text", d.fix->title.empty() ? std::string("fix") : d.fix->title}}},
              {"artifactChanges", json::array({{{"artifactLocation", {{"uri", path_uri(src.name())}}},
                                                {"replacements", std::move(replacements)}}})}}});
        result["properties"] = {{"applicability", applicability_name(d.fix->applicability)}};
      }
      results.push_back(std::move(result));
    }
  }

  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"columnKind", "unicodeCodePoints"},
              {"artifacts", std::move(artifacts)},
              {"results", std::move(results)}};
  json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(run)})}};
  return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace mdrisk
