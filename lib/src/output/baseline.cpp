// The baseline file: JSON, one entry per accepted finding, sorted, with the
// message kept for the people who review the file (matching uses only the
// path and the fingerprint). docs/output.md describes it.
#include "mdrisk/baseline.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

namespace mdrisk {

using nlohmann::json;

namespace {
constexpr int kBaselineVersion = 1;
}

Result<Baseline> parse_baseline(std::string_view json_text) {
  const json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error{ErrorKind::InvalidInput, "not a baseline: the file is not valid JSON"};
  if (!j.is_object() || !j.contains("mdrisk-baseline") || !j.contains("findings") || !j["findings"].is_array()) {
    return Error{ErrorKind::InvalidInput, "not a baseline: expected {\"mdrisk-baseline\": 1, \"findings\": [...]}"};
  }
  if (j["mdrisk-baseline"] != kBaselineVersion) {
    return Error{ErrorKind::InvalidInput, "unsupported baseline version " + j["mdrisk-baseline"].dump()};
  }
  Baseline b;
  std::size_t i = 0;
  for (const json& f : j["findings"]) {
    if (!f.is_object() || !f.contains("file") || !f["file"].is_string() || !f.contains("fingerprint") ||
        !f["fingerprint"].is_string()) {
      return Error{ErrorKind::InvalidInput,
                   "finding " + std::to_string(i) + ": needs string fields \"file\" and \"fingerprint\""};
    }
    b.entries.emplace(f["file"].get<std::string>(), f["fingerprint"].get<std::string>());
    ++i;
  }
  return b;
}

std::string format_baseline(const std::vector<FileReport>& reports, const std::vector<std::string>& paths) {
  std::vector<json> findings;
  for (std::size_t r = 0; r < reports.size(); ++r) {
    const std::vector<std::string> prints = fingerprints(reports[r]);
    for (std::size_t i = 0; i < prints.size(); ++i) {
      const Diagnostic& d = reports[r].diagnostics[i];
      findings.push_back({{"file", paths[r]}, {"fingerprint", prints[i]}, {"code", d.code}, {"message", d.message}});
    }
  }
  // Sorted by file, then code, then fingerprint: regenerating a baseline
  // after an edit gives a small diff.
  std::sort(findings.begin(), findings.end(), [](const json& a, const json& b) {
    return std::tie(a["file"].get_ref<const std::string&>(), a["code"].get_ref<const std::string&>(),
                    a["fingerprint"].get_ref<const std::string&>()) <
           std::tie(b["file"].get_ref<const std::string&>(), b["code"].get_ref<const std::string&>(),
                    b["fingerprint"].get_ref<const std::string&>());
  });
  json out = {{"mdrisk-baseline", kBaselineVersion}, {"findings", findings}};
  return out.dump(2) + "\n";
}

std::size_t apply_baseline(const Baseline& baseline, const std::string& path, FileReport& report) {
  // Fingerprints over the whole list first: occurrence numbers count
  // identical findings, as they did when the baseline was written.
  const std::vector<std::string> prints = fingerprints(report);
  std::vector<Diagnostic> kept;
  for (std::size_t i = 0; i < prints.size(); ++i) {
    if (!baseline.entries.count({path, prints[i]})) kept.push_back(std::move(report.diagnostics[i]));
  }
  const std::size_t dropped = report.diagnostics.size() - kept.size();
  report.diagnostics = std::move(kept);
  return dropped;
}

}  // namespace mdrisk
