// `mdrisk report --format json`: every report's matrix, counts and top
// list (schema in docs/report.md).
#include <nlohmann/json.hpp>

#include "mdrisk/report.hpp"

namespace mdrisk {
namespace {

nlohmann::json counts(const std::vector<ReportCount>& counts) {
  nlohmann::json out = nlohmann::json::array();
  for (const ReportCount& c : counts) out.push_back({{"value", c.value}, {"count", c.count}});
  return out;
}

nlohmann::json risk_json(const ReportRisk& r) {
  return {{"label", r.label},   {"name", r.name},   {"file", r.file},     {"line", r.line},
          {"likelihood", r.likelihood}, {"impact", r.impact}, {"score", r.score}, {"band", r.band},
          {"status", r.status}, {"owner", r.owner}, {"group", r.group}};
}

nlohmann::json report_json(const RegisterReport& r, std::size_t top) {
  nlohmann::json j;
  j["name"] = r.name;
  j["risks"] = r.risks.size();
  j["unrated"] = r.unrated;
  j["likelihood"] = {{"column", r.likelihood.column}, {"values", r.likelihood.values}};
  j["impact"] = {{"column", r.impact.column}, {"values", r.impact.values}};
  j["max_score"] = r.max_score;
  nlohmann::json matrix = nlohmann::json::array();
  for (std::size_t l = 0; l < r.likelihood.values.size(); ++l) {
    for (std::size_t i = 0; i < r.impact.values.size(); ++i) {
      nlohmann::json labels = nlohmann::json::array();
      for (std::size_t k : r.cells[l][i]) labels.push_back(r.risks[k].label);
      matrix.push_back({{"likelihood", r.likelihood.values[l]},
                        {"impact", r.impact.values[i]},
                        {"count", r.cells[l][i].size()},
                        {"risks", labels}});
    }
  }
  j["matrix"] = matrix;
  j["counts"] = {{"status", counts(r.by_status)},
                 {"band", counts(r.by_band)},
                 {"owner", counts(r.by_owner)},
                 {"group", counts(r.by_group)}};
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t k : top_risks(r, top)) list.push_back(risk_json(r.risks[k]));
  j["top"] = list;
  return j;
}

}  // namespace

std::string render_report_json(const ReportSet& set, const ReportRenderOptions& options) {
  nlohmann::json out;
  const std::vector<RegisterReport> all = set.all();
  if (set.files.size() > 1) out["combined"] = report_json(all.front(), options.top);
  nlohmann::json files = nlohmann::json::array();
  for (const RegisterReport& r : set.files) files.push_back(report_json(r, options.top));
  out["files"] = files;
  // Invalid UTF-8 in a name becomes U+FFFD rather than an exception.
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace mdrisk
