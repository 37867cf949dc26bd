// Scales, bands and number reading: the parts of scoring that need only the
// schema. A row's computed score needs the register model (model/row_score.cpp).
#include "mdrisk/scoring.hpp"

#include <algorithm>
#include <limits>

#include "base/text.hpp"
#include "mdrisk/schema.hpp"

namespace mdrisk {

namespace {
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
}

const ScaleLevel* Scale::find(std::string_view label) const {
  const std::string_view l = text::trim(label);
  for (const ScaleLevel& level : levels) {
    if (text::iequals(level.label, l)) return &level;
  }
  return nullptr;
}

Scale scale_preset(std::string_view name) {
  Scale s;
  const auto words = [&](std::initializer_list<const char*> labels) {
    std::int64_t v = 1;
    for (const char* l : labels) s.levels.push_back({l, v++});
  };
  if (name == "3-level") {
    words({"Low", "Medium", "High"});
  } else if (name == "4-level") {
    words({"Low", "Medium", "High", "Critical"});
  } else if (name == "5-level") {
    words({"Very Low", "Low", "Medium", "High", "Very High"});
  } else if (name.size() >= 3 && name.substr(0, 2) == "1-") {
    // "1-N": the numbers 1 to N are their own labels (2 <= N <= 10, as
    // rating scales go; a bigger N is surely a typo).
    const auto n = parse_whole_number(name.substr(2));
    if (n && *n >= 2 && *n <= 10) {
      for (std::int64_t v = 1; v <= *n; ++v) s.levels.push_back({std::to_string(v), v});
    }
  }
  return s;
}

std::vector<std::size_t> ScoreFormula::inputs() const {
  std::vector<std::size_t> out;
  for (const Term& term : terms) {
    for (const Factor& f : term) {
      if (f.column != kNone && std::find(out.begin(), out.end(), f.column) == out.end()) out.push_back(f.column);
    }
  }
  return out;
}

std::vector<ScoreBand> default_bands() {
  return {{"Low", 1, 4, 0}, {"Medium", 5, 9, 0}, {"High", 10, 15, 0}, {"Critical", 16, 25, 0}};
}

const ScoreBand* band_for_score(const Scoring& scoring, std::int64_t score) {
  for (const ScoreBand& b : scoring.bands) {
    if (score >= b.low && score <= b.high) return &b;
  }
  return nullptr;
}

std::optional<std::int64_t> parse_whole_number(std::string_view text) {
  const std::string_view t = text::trim(text);
  if (t.empty() || t.size() > 15) return std::nullopt;  // 15 digits: no overflow in products of a few
  std::int64_t v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

Scale effective_scale(const Schema& schema, std::size_t column) {
  const Scoring& sc = schema.scoring;
  if (column < sc.scales.size() && !sc.scales[column].empty()) return sc.scales[column];
  if (column >= schema.columns.size()) return {};
  // The built-in Impact and Likelihood: High / Medium / Low, read as 3 / 2 / 1.
  const auto& allowed = schema.columns[column].allowed;
  Scale three = scale_preset("3-level");
  if (!allowed.empty() && allowed.size() == three.levels.size() &&
      std::all_of(allowed.begin(), allowed.end(), [&](const std::string& v) { return three.find(v) != nullptr; })) {
    return three;
  }
  return {};
}

std::optional<std::int64_t> scale_value(const Schema& schema, std::size_t column, std::string_view text) {
  const Scale scale = effective_scale(schema, column);
  if (!scale.empty()) {
    if (const ScaleLevel* l = scale.find(text)) return l->value;
    return std::nullopt;
  }
  return parse_whole_number(text);
}

}  // namespace mdrisk
