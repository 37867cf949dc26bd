#pragma once
// Risk scoring: ordered scales for rating columns, a score computed from
// them by a declared formula, bands (levels) derived from the score through
// thresholds, and a declared row order. All of it is off until the
// configuration names a score or band column (`[score]`, `[bands]`,
// `[order]` in `.mdrisk.toml`); the built-in schema has none.
//
// The functions at the end are the public API reports and rules read a
// register's ratings through, so every consumer computes a row's score and
// band the same way.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdrisk {

struct Schema;
struct Tracker;

// One level of an ordered scale: the label a cell holds and the number it
// stands for ("High" = 3, "4" = 4, "🔴" = 3).
struct ScaleLevel {
  std::string label;
  std::int64_t value = 0;
};

// An ordered scale, lowest level first. A scale whose labels are the
// numbers themselves ("1" .. "5") is written `scale = "1-5"`.
struct Scale {
  std::vector<ScaleLevel> levels;
  bool empty() const { return levels.empty(); }
  // The level `label` names (case-insensitive), or nullptr.
  const ScaleLevel* find(std::string_view label) const;
};

// The presets `scale = "3-level" | "4-level" | "5-level" | "1-N"`, or an
// empty scale for an unknown name. The 3-level preset is the built-in
// schema's High / Medium / Low (3 / 2 / 1).
Scale scale_preset(std::string_view name);

// A score formula: a sum of products of column values and whole-number
// constants, e.g. `likelihood * impact` or `severity * occurrence * detection`.
struct ScoreFormula {
  struct Factor {
    std::size_t column = static_cast<std::size_t>(-1);  // schema column, or npos for a constant
    std::int64_t constant = 1;
  };
  using Term = std::vector<Factor>;   // factors multiplied
  std::vector<Term> terms;            // terms added
  std::string text;                   // as written in the config
  bool empty() const { return terms.empty(); }
  // Every column the formula reads, in first-use order.
  std::vector<std::size_t> inputs() const;
};

// One band: scores from `low` to `high` (both included) carry `label`.
struct ScoreBand {
  std::string label;
  std::int64_t low = 0, high = 0;
  std::size_t config_line = 0;  // where it was declared (0: a default)
};

// The 5×5 default: 1–4 Low, 5–9 Medium, 10–15 High, 16–25 Critical.
std::vector<ScoreBand> default_bands();

// How `[order] by` wants the register's rows sorted.
struct RowOrder {
  enum class Key { None, Score, Column } key = Key::None;
  std::size_t column = static_cast<std::size_t>(-1);  // with Key::Column
  bool descending = false;
  std::string text;  // as written ("score-desc", "id")
};

struct Scoring {
  // Per schema column (indexed like Schema::columns; shorter means "none"):
  // the column's declared scale.
  std::vector<Scale> scales;
  std::size_t score_column = static_cast<std::size_t>(-1);  // npos: no score column
  ScoreFormula formula;                                     // empty: scores are read, not computed
  std::size_t band_column = static_cast<std::size_t>(-1);   // npos: no band column
  std::vector<ScoreBand> bands;                             // ascending, contiguous
  RowOrder order;
  bool check_legend = true;  // compare legend tables in the document with the config (MR603)

  bool enabled() const {
    return score_column != static_cast<std::size_t>(-1) || band_column != static_cast<std::size_t>(-1) ||
           !formula.empty() || order.key != RowOrder::Key::None;
  }
};

// The scale a column's values are read on: its declared scale; else, for a
// column whose allowed values are the 3-level words, the 3-level preset;
// else none (then a cell holding a whole number is read as that number).
Scale effective_scale(const Schema& schema, std::size_t column);

// The number a cell's text stands for on its column's scale: the level's
// value, or the whole number written. nullopt when it is neither.
std::optional<std::int64_t> scale_value(const Schema& schema, std::size_t column, std::string_view text);

// A whole number written in a cell ("12", " 12 "), or nullopt.
std::optional<std::int64_t> parse_whole_number(std::string_view text);

// The formula's value for register row `row` (Tracker::row numbering), or
// nullopt when there is no formula or an input cell is missing or off its scale.
std::optional<std::int64_t> computed_score(const Tracker& t, std::size_t row);

// Row `row`'s score: the score cell when it holds a number, else the
// computed score (nullopt when neither is available).
std::optional<std::int64_t> row_score(const Tracker& t, std::size_t row);

// The band a score falls in, or nullptr when no band covers it.
const ScoreBand* band_for_score(const Scoring& scoring, std::int64_t score);

}  // namespace mdrisk
