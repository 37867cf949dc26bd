// --statistics: how many findings each rule produced, most frequent first.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "mdrisk/output.hpp"

namespace mdrisk {
namespace {

struct RuleCount {
  std::string code, name;
  std::size_t count = 0, fixable = 0;
};

std::vector<RuleCount> count_rules(const std::vector<FileReport>& reports) {
  std::map<std::string, RuleCount> by_code;
  for (const FileReport& r : reports) {
    for (const Diagnostic& d : r.diagnostics) {
      RuleCount& c = by_code[d.code];
      c.code = d.code;
      c.name = d.name;
      ++c.count;
      if (d.fix && d.fix->applicability == Applicability::Safe) ++c.fixable;
    }
  }
  std::vector<RuleCount> v;
  for (auto& [code, c] : by_code) v.push_back(std::move(c));
  std::stable_sort(v.begin(), v.end(), [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
  return v;
}

}  // namespace

std::string format_statistics(const std::vector<FileReport>& reports) {
  const auto counts = count_rules(reports);
  std::size_t name_width = 0, count_width = 1;
  for (const auto& c : counts) {
    name_width = std::max(name_width, c.name.size());
    count_width = std::max(count_width, fmt::formatted_size("{}", c.count));
  }
  std::string out;
  for (const auto& c : counts) {
    std::string line = fmt::format("{:>{}}  {}  {:<{}}  {}", c.count, count_width, c.code, c.name, name_width,
                                   c.fixable > 0 ? "[*]" : "");
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string format_statistics_json(const std::vector<FileReport>& reports) {
  nlohmann::json all = nlohmann::json::array();
  for (const auto& c : count_rules(reports)) {
    all.push_back({{"code", c.code}, {"name", c.name}, {"count", c.count}, {"fixable", c.fixable}});
  }
  return all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace mdrisk
