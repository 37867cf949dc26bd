// MR603 legend-mismatch: a scale or band legend table in the document
// disagrees with the configured scoring.
// Why: nearly half of real registers restate their scale in the file, and
// readers trust that table; when it says High is 10–16 while the checks use
// 10–15, people and the linter judge the same row differently. Which side
// is right is a decision, so there is no fix.
//
// A band legend is a table outside the register whose header has the score
// column and the band column (`| Score | Level |`): each row's range must be
// its band's thresholds, and every band must appear. A scale legend has a
// column of a scale column (`| Likelihood | Value |`) and a number column
// (Value, Score, Rating, Points, Weight): a row whose label is a level must
// give that level's number; other rows describe, and are not checked.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "base/text.hpp"
#include "mdrisk/scoring.hpp"
#include "model/canonical.hpp"
#include "rules/all.hpp"

namespace mdrisk::rules {

namespace {

struct LegendRange {
  std::int64_t low = 0, high = 0;
  bool open_top = false;  // "16+", "≥ 16"
};

// "1–4", "1-4", "1 to 4", "5", "16+", "≥ 16", ">= 16".
std::optional<LegendRange> parse_range(std::string_view text) {
  std::vector<std::int64_t> numbers;
  std::string_view rest = text::trim(text);
  std::size_t i = 0;
  bool open = false;
  while (i < rest.size()) {
    const char c = rest[i];
    if (c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < rest.size() && rest[j] >= '0' && rest[j] <= '9') ++j;
      const auto n = parse_whole_number(rest.substr(i, j - i));
      if (!n) return std::nullopt;
      numbers.push_back(*n);
      i = j;
      continue;
    }
    if (c == '+' || c == '>' || rest.substr(i, 3) == "\xE2\x89\xA5") open = true;  // ≥
    const bool separator = c == ' ' || c == '-' || c == '+' || c == '>' || c == '=' || c == '(' || c == ')' ||
                           rest.substr(i, 2) == "to" || static_cast<unsigned char>(c) >= 0x80;
    if (!separator) return std::nullopt;  // words: not a range
    i += rest.substr(i, 2) == "to" ? 2 : 1;
  }
  if (numbers.size() == 1) return LegendRange{numbers[0], numbers[0], open};
  if (numbers.size() == 2 && !open) return LegendRange{numbers[0], numbers[1], false};
  return std::nullopt;
}

std::size_t header_cell_of(const Table& table, std::size_t column) {
  return column < table.cell_of_column.size() ? table.cell_of_column[column] : npos;
}

const Cell* row_cell(const Row& row, std::size_t cell) { return cell < row.cells.size() ? &row.cells[cell] : nullptr; }

void check_band_legend(const Table& table, const Scoring& sc, const ColumnSpec& band_col, RuleContext& ctx) {
  const std::size_t score_cell = header_cell_of(table, sc.score_column);
  const std::size_t band_cell = header_cell_of(table, sc.band_column);
  if (score_cell == npos || band_cell == npos) return;
  std::vector<bool> seen(sc.bands.size(), false);
  for (const Row& row : table.rows) {
    const Cell* label = row_cell(row, band_cell);
    const Cell* range = row_cell(row, score_cell);
    if (!label || !range || label->text.empty()) continue;
    const ValueMatch m = match_value(band_col, label->text);
    const auto it = std::find_if(sc.bands.begin(), sc.bands.end(),
                                 [&](const ScoreBand& b) { return !m.canonical.empty() && b.label == m.canonical; });
    if (it == sc.bands.end()) {
      ctx.report(kLegendMismatch, label->text_range,
                 fmt::format("the legend names band '{}', which the configured bands do not have", label->text));
      continue;
    }
    seen[static_cast<std::size_t>(it - sc.bands.begin())] = true;
    const auto r = parse_range(range->text);
    if (!r) continue;
    const bool top = it + 1 == sc.bands.end();
    const bool same = r->open_top ? (top && r->low == it->low) : (r->low == it->low && r->high == it->high);
    if (!same) {
      ctx.report(kLegendMismatch, range->text_range,
                 fmt::format("the legend gives band '{}' as {}, the configured thresholds as {}–{}", it->label,
                             range->text, it->low, it->high));
    }
  }
  for (std::size_t b = 0; b < sc.bands.size(); ++b) {
    if (seen[b]) continue;
    ctx.report(kLegendMismatch, table.header.range,
               fmt::format("the legend lacks band '{}' ({}–{})", sc.bands[b].label, sc.bands[b].low, sc.bands[b].high));
  }
}

bool is_number_header(std::string_view h) {
  static constexpr std::array<std::string_view, 6> kNames = {"Value", "Score", "Rating", "Points", "Weight", "Number"};
  return std::any_of(kNames.begin(), kNames.end(), [&](std::string_view n) { return text::iequals(n, text::trim(h)); });
}

void check_scale_legend(const Table& table, const Schema& s, RuleContext& ctx) {
  std::size_t number_cell = npos;
  for (std::size_t c = 0; c < table.header.cells.size(); ++c) {
    const std::size_t column = c < table.column_of_cell.size() ? table.column_of_cell[c] : npos;
    if (is_number_header(table.header.cells[c].text) && (column == npos || column == s.scoring.score_column)) {
      number_cell = c;
      break;
    }
  }
  if (number_cell == npos) return;
  struct Rated {
    std::size_t label_cell;
    Scale scale;
    std::string header;
  };
  std::vector<Rated> rated;
  for (std::size_t column = 0; column < s.columns.size(); ++column) {
    if (column == s.scoring.score_column || column == s.scoring.band_column) continue;
    const std::size_t label_cell = header_cell_of(table, column);
    if (label_cell == npos || label_cell == number_cell) continue;
    Scale scale = effective_scale(s, column);
    if (!scale.empty()) rated.push_back({label_cell, std::move(scale), s.columns[column].header});
  }
  for (const Row& row : table.rows) {
    const Cell* number = row_cell(row, number_cell);
    const auto n = number ? parse_whole_number(number->text) : std::nullopt;
    if (!n) continue;
    // One finding per legend row: columns that rate the same level the
    // same way ("Likelihood and Impact 'Medium'") share it.
    std::vector<std::pair<std::string, const ScaleLevel*>> wrong;
    for (const Rated& r : rated) {
      const Cell* label = row_cell(row, r.label_cell);
      const ScaleLevel* level = label ? r.scale.find(label->text) : nullptr;
      if (!level || *n == level->value) continue;  // a description, or agreeing
      const auto same = std::find_if(wrong.begin(), wrong.end(), [&](const auto& w) {
        return w.second->label == level->label && w.second->value == level->value;
      });
      if (same != wrong.end()) {
        same->first += " and " + r.header;
      } else {
        wrong.emplace_back(r.header, level);
      }
    }
    for (const auto& [headers, level] : wrong) {
      ctx.report(kLegendMismatch, number->text_range,
                 fmt::format("the legend rates {} '{}' as {}, the configured scale as {}", headers, level->label, *n,
                             level->value));
    }
  }
}

}  // namespace

void check_legend_mismatch(const Tracker& t, RuleContext& ctx) {
  const Schema& s = ctx.schema;
  if (!s.scoring.enabled() || !s.scoring.check_legend) return;
  for (const Table& table : t.other_tables) {
    if (s.scoring.band_column != npos && s.scoring.score_column != npos && !s.scoring.bands.empty() &&
        header_cell_of(table, s.scoring.band_column) != npos && header_cell_of(table, s.scoring.score_column) != npos) {
      check_band_legend(table, s.scoring, s.columns[s.scoring.band_column], ctx);
      continue;
    }
    check_scale_legend(table, s, ctx);
  }
}

}  // namespace mdrisk::rules
