// Reads a register's score and band thresholds for `mdrisk init --from`
// (see scoring_inference.hpp for what is and is not inferred).
#include "model/scoring_inference.hpp"

#include <algorithm>
#include <optional>
#include <regex>

#include "base/text.hpp"

namespace mdrisk {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::optional<int> whole_number(std::string_view s) {
  s = text::trim(s);
  if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  return std::stoi(std::string(s));
}

std::size_t index_of(const std::vector<std::string>& keys, std::string_view key) {
  const auto it = std::find(keys.begin(), keys.end(), key);
  return it == keys.end() ? kNone : static_cast<std::size_t>(it - keys.begin());
}

// "1–4", "10 - 16", "17 to 25", "5": both ends included.
std::optional<std::pair<int, int>> score_range(std::string_view s) {
  static const std::regex kRange(R"(^\s*(\d{1,4})\s*(?:(?:\xE2\x80\x93|\xE2\x80\x94|-|to)\s*(\d{1,4}))?\s*$)");
  const std::string text(s);
  std::smatch m;
  if (!std::regex_match(text, m, kRange)) return std::nullopt;
  const int a = std::stoi(m[1].str());
  const int b = m[2].matched ? std::stoi(m[2].str()) : a;
  if (b < a) return std::nullopt;
  return std::make_pair(a, b);
}

// Keeps thresholds only when they tile a range of scores (ascending, no
// gap, no overlap) and every band is one of the band column's values, in
// that column's spelling.
bool settle(std::vector<InferredScoring::Threshold>& t, const std::vector<std::string>& band_values) {
  if (t.size() < 2) return false;
  std::sort(t.begin(), t.end(), [](const auto& a, const auto& b) { return a.min < b.min; });
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (t[i].min != t[i - 1].max + 1) return false;
  }
  for (auto& th : t) {
    if (band_values.empty()) continue;
    const auto it = std::find_if(band_values.begin(), band_values.end(),
                                 [&](const std::string& v) { return text::casefold(v) == text::casefold(th.band); });
    if (it == band_values.end()) return false;
    th.band = *it;
  }
  return true;
}

// A legend table: one column of score ranges, one of band names.
std::vector<InferredScoring::Threshold> from_legend(const ScoringEvidence::Legend& l) {
  std::size_t score = kNone, band = kNone;
  for (std::size_t c = 0; c < l.header.size(); ++c) {
    if (text::names_one_of(l.header[c], {"score", "risk score", "l\xC3\x97i", "l x i", "rpn", "points"})) score = c;
    if (text::names_one_of(l.header[c], {"level", "band", "risk level", "risk band", "rating"})) band = c;
  }
  std::vector<InferredScoring::Threshold> out;
  if (score == kNone || band == kNone) return out;
  for (const auto& row : l.rows) {
    if (score >= row.size() || band >= row.size()) return {};
    const auto range = score_range(row[score]);
    if (!range) return {};
    out.push_back({std::string(text::trim(row[band])), range->first, range->second});
  }
  return out;
}

// A sentence: "Bands: Low 1–4, Medium 5–9, High (10–16), Critical 17–25."
std::vector<InferredScoring::Threshold> from_sentence(std::string_view line) {
  // Read from the word that announces the bands on: "each 1–5" before it
  // is the scale of the inputs, not a band.
  static const std::regex kAnnounce(R"(\b(bands?|levels?)\b)", std::regex::icase);
  const std::string whole(line);
  std::smatch announce;
  if (!std::regex_search(whole, announce, kAnnounce)) return {};
  line.remove_prefix(static_cast<std::size_t>(announce.position(0) + announce.length(0)));
  static const std::regex kBand(
      R"(([A-Za-z]+)\s*:?\s*\(?(\d{1,4})\s*(?:\xE2\x80\x93|\xE2\x80\x94|-|to)\s*(\d{1,4})\)?)");
  std::vector<InferredScoring::Threshold> out;
  const std::string text(line);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kBand); it != std::sregex_iterator(); ++it) {
    out.push_back({(*it)[1].str(), std::stoi((*it)[2].str()), std::stoi((*it)[3].str())});
  }
  return out;
}

}  // namespace

InferredScoring infer_scoring(const ScoringEvidence& e) {
  InferredScoring out;
  const std::size_t score = index_of(e.keys, "score");
  const std::size_t l = index_of(e.keys, "likelihood"), i = index_of(e.keys, "impact");
  if (score == kNone || l == kNone || i == kNone) return out;
  // The score is likelihood × impact when at least two rows in three that
  // have all three numbers say so: a wrong score or two is drift to report.
  for (const auto& row : e.rows) {
    const auto s = whole_number(row[score]), a = whole_number(row[l]), b = whole_number(row[i]);
    if (!s || !a || !b) continue;
    ++out.rows_scored;
    if (*s == *a * *b) ++out.rows_agreeing;
  }
  if (out.rows_scored < 2 || out.rows_agreeing * 3 < out.rows_scored * 2) {
    out.rows_scored = out.rows_agreeing = 0;
    return out;
  }
  out.score_column = "score";
  out.formula = "likelihood * impact";

  const std::size_t band = index_of(e.keys, "band");
  if (band == kNone) return out;
  for (const auto& legend : e.legends) {
    auto t = from_legend(legend);
    if (settle(t, e.values[band])) {
      out.band_column = "band", out.thresholds = std::move(t), out.thresholds_line = legend.line;
      return out;
    }
  }
  for (const auto& line : e.prose) {
    auto t = from_sentence(line.text);
    if (settle(t, e.values[band])) {
      out.band_column = "band", out.thresholds = std::move(t), out.thresholds_line = line.number;
      return out;
    }
  }
  return out;
}

}  // namespace mdrisk
