// The scoring keys of `.mdrisk.toml`. Every mistake is an error naming its
// line: a formula that does not parse or names no column, thresholds that
// overlap or leave a gap, a band or level the column does not allow. A
// register checked against a silently broken scoring setup would report
// nonsense on every row.
#include "config/scoring_config.hpp"

#include <algorithm>
#include <set>

#include "base/text.hpp"

namespace mdrisk::config {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

[[noreturn]] void fail(const toml::node& n, std::string message) {
  throw ScoringConfigError{n.source(), std::move(message)};
}

void check_keys(const toml::table& t, std::string_view where, std::initializer_list<std::string_view> allowed) {
  for (auto&& [key, value] : t) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      throw ScoringConfigError{key.source(), "unknown key '" + std::string(key.str()) + "' in " + std::string(where)};
    }
  }
}

std::string string_of(const toml::node& n, std::string_view key) {
  if (!n.is_string()) fail(n, "'" + std::string(key) + "' must be a string");
  return *n.value<std::string>();
}

std::int64_t whole_of(const toml::node& n, std::string_view key) {
  if (!n.is_integer() || *n.value<std::int64_t>() < 0 || *n.value<std::int64_t>() > 999'999'999) {
    fail(n, "'" + std::string(key) + "' must be a whole number from 0 to 999999999");
  }
  return *n.value<std::int64_t>();
}

std::size_t column_of(const Schema& s, const toml::node& n, std::string_view what) {
  const std::string key = string_of(n, what);
  const std::size_t i = s.column_index(key);
  if (i == kNone) fail(n, "'" + std::string(what) + "': no column with key \"" + key + "\"");
  return i;
}

std::string range_text(std::int64_t a, std::int64_t b) {
  return a == b ? std::to_string(a) : std::to_string(a) + "–" + std::to_string(b);
}

// A column's `scale = "..."` or `levels = { Label = value, ... }`.
void parse_column_scale(const toml::table& col, std::size_t index, Schema& s) {
  const toml::node* scale = col.get("scale");
  const toml::node* levels = col.get("levels");
  if (!scale && !levels) return;
  if (scale && levels) fail(*levels, "a column takes 'scale' or 'levels', not both");
  Scale out;
  if (scale) {
    const std::string name = string_of(*scale, "scale");
    out = scale_preset(name);
    if (out.empty()) {
      fail(*scale, "'scale' must be \"3-level\", \"4-level\", \"5-level\" or \"1-N\" (N from 2 to 10), not \"" +
                       name + "\"");
    }
  } else {
    const toml::table* t = levels->as_table();
    if (!t || t->empty()) fail(*levels, "'levels' must be a table of labels to numbers: { Low = 1, High = 2 }");
    for (auto&& [label, value] : *t) out.levels.push_back({std::string(label.str()), whole_of(value, "levels")});
    // A TOML table has no order: the numbers give it.
    std::stable_sort(out.levels.begin(), out.levels.end(),
                     [](const ScaleLevel& a, const ScaleLevel& b) { return a.value < b.value; });
    for (std::size_t i = 1; i < out.levels.size(); ++i) {
      if (out.levels[i].value == out.levels[i - 1].value) {
        fail(*levels, "levels \"" + out.levels[i - 1].label + "\" and \"" + out.levels[i].label +
                          "\" have the same number " + std::to_string(out.levels[i].value));
      }
    }
  }
  ColumnSpec& c = s.columns[index];
  if (c.allowed.empty()) {
    for (const ScaleLevel& l : out.levels) c.allowed.push_back(l.label);
  } else {
    for (const std::string& v : c.allowed) {
      if (!out.find(v)) fail(scale ? *scale : *levels, "value \"" + v + "\" of column \"" + c.key + "\" is not on its scale");
    }
  }
  if (s.scoring.scales.size() <= index) s.scoring.scales.resize(index + 1);
  s.scoring.scales[index] = std::move(out);
}

void parse_bands(const toml::table& t, Schema& s) {
  check_keys(t, "[bands]", {"column", "thresholds"});
  Scoring& sc = s.scoring;
  if (!t.contains("column")) fail(t, "[bands] needs 'column' (the key of the band column)");
  sc.band_column = column_of(s, *t.get("column"), "column");
  if (const toml::node* n = t.get("thresholds")) {
    const toml::array* a = n->as_array();
    if (!a || a->empty()) fail(*n, "'thresholds' must be a list of { band, min, max } tables");
    for (const toml::node& item : *a) {
      const toml::table* b = item.as_table();
      if (!b) fail(item, "'thresholds' must be a list of { band, min, max } tables");
      check_keys(*b, "a threshold", {"band", "min", "max"});
      if (!b->contains("band") || !b->contains("min") || !b->contains("max")) {
        fail(item, "a threshold needs 'band', 'min' and 'max'");
      }
      ScoreBand band{string_of(*b->get("band"), "band"), whole_of(*b->get("min"), "min"),
                     whole_of(*b->get("max"), "max"), item.source().begin.line};
      if (band.low > band.high) {
        fail(item, "band \"" + band.label + "\": 'min' " + std::to_string(band.low) + " is above 'max' " +
                       std::to_string(band.high));
      }
      sc.bands.push_back(std::move(band));
    }
    std::vector<std::size_t> order(sc.bands.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return sc.bands[x].low < sc.bands[y].low; });
    // Each band must start right after the one below it ends: an overlap
    // gives a score two bands, a gap gives it none.
    for (std::size_t k = 1; k < order.size(); ++k) {
      const ScoreBand& lo = sc.bands[order[k - 1]];
      const ScoreBand& hi = sc.bands[order[k]];
      const toml::node& at = *a->get(order[k]);
      if (hi.low <= lo.high) {
        fail(at, "band \"" + hi.label + "\" (" + range_text(hi.low, hi.high) + ") overlaps band \"" + lo.label +
                     "\" (" + range_text(lo.low, lo.high) + ")");
      }
      if (hi.low > lo.high + 1) {
        fail(at, "no band covers " + range_text(lo.high + 1, hi.low - 1) + ", between band \"" + lo.label +
                     "\" (" + range_text(lo.low, lo.high) + ") and band \"" + hi.label + "\" (" +
                     range_text(hi.low, hi.high) + ")");
      }
    }
    std::vector<ScoreBand> sorted;
    for (std::size_t i : order) sorted.push_back(sc.bands[i]);
    sc.bands = std::move(sorted);
  } else {
    sc.bands = default_bands();
  }
  ColumnSpec& c = s.columns[sc.band_column];
  if (c.allowed.empty()) {
    for (const ScoreBand& b : sc.bands) {
      if (std::find(c.allowed.begin(), c.allowed.end(), b.label) == c.allowed.end()) c.allowed.push_back(b.label);
    }
  } else {
    for (const ScoreBand& b : sc.bands) {
      const bool known = std::any_of(c.allowed.begin(), c.allowed.end(), [&](const std::string& v) { return v == b.label; });
      if (!known) {
        fail(t.contains("thresholds") ? *t.get("thresholds") : t,
             "band \"" + b.label + "\" is not one of the values of column \"" + c.key + "\"");
      }
    }
  }
}

void parse_order(const toml::table& t, Schema& s) {
  check_keys(t, "[order]", {"by"});
  if (!t.contains("by")) fail(t, "[order] needs 'by': \"score-desc\", \"score-asc\", a column key, or a key with -desc");
  const toml::node& n = *t.get("by");
  RowOrder o;
  o.text = string_of(n, "by");
  std::string key = o.text;
  if (key.ends_with("-desc")) {
    o.descending = true;
    key.resize(key.size() - 5);
  } else if (key.ends_with("-asc")) {
    key.resize(key.size() - 4);
  }
  const std::size_t column = s.column_index(key);
  if (key == "score" && (column == kNone || column == s.scoring.score_column)) {
    o.key = RowOrder::Key::Score;
  } else if (column != kNone) {
    o.key = RowOrder::Key::Column;
    o.column = column;
  } else {
    fail(n, "'by' must be \"score-desc\", \"score-asc\" or a column key (optionally with -desc or -asc), not \"" +
                o.text + "\"");
  }
  s.scoring.order = std::move(o);
}

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

}  // namespace

bool parse_formula(std::string_view text, const Schema& schema, ScoreFormula& out, std::string& problem) {
  // formula := term { '+' term };  term := factor { ('*' | '×') factor };
  // factor := column key | whole number. Keys may hold '-' (`next-review`),
  // so there is no minus; a score is a sum of products.
  out = ScoreFormula{};
  out.text = std::string(text);
  std::size_t i = 0;
  const auto skip = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  const auto where = [&] { return " at character " + std::to_string(i + 1); };
  ScoreFormula::Term term;
  bool want_factor = true;
  skip();
  if (i == text.size()) {
    problem = "'formula' is empty";
    return false;
  }
  while (true) {
    skip();
    if (want_factor) {
      if (i == text.size()) {
        problem = "'formula' ends with an operator";
        return false;
      }
      const std::size_t b = i;
      while (i < text.size() && is_key_char(text[i])) ++i;
      if (i == b) {
        problem = "'formula' expects a column key or a number" + std::string(where()) + ", found '" +
                  std::string(text.substr(b, 1)) + "'";
        i = b;
        return false;
      }
      const std::string_view word = text.substr(b, i - b);
      ScoreFormula::Factor f;
      if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (word.size() > 9) {
          problem = "'formula': the number " + std::string(word) + " is too big";
          return false;
        }
        f.constant = std::stoll(std::string(word));
      } else {
        f.column = schema.column_index(word);
        if (f.column == kNone) {
          problem = "'formula' names \"" + std::string(word) + "\", which is no column key";
          return false;
        }
      }
      term.push_back(f);
      want_factor = false;
      continue;
    }
    if (i == text.size()) break;
    if (text[i] == '*') {
      ++i;
    } else if (text.substr(i, 2) == "\xC3\x97") {  // ×
      i += 2;
    } else if (text[i] == '+') {
      ++i;
      out.terms.push_back(std::move(term));
      term.clear();
    } else {
      problem = "'formula' expects '*', '×' or '+'" + where() + ", found '" + std::string(text.substr(i, 1)) +
                "' (a formula is a sum of products of column keys and numbers)";
      return false;
    }
    want_factor = true;
  }
  out.terms.push_back(std::move(term));
  if (out.inputs().empty()) {
    problem = "'formula' names no column";
    return false;
  }
  return true;
}

void parse_scoring(const toml::table& root, Schema& s) {
  if (const toml::node* n = root.get("columns"); n && n->is_array()) {
    // config.cpp has checked the array and built s.columns from it, in order.
    std::size_t index = 0;
    for (const toml::node& item : *n->as_array()) {
      if (const toml::table* t = item.as_table(); t && index < s.columns.size()) parse_column_scale(*t, index, s);
      ++index;
    }
  }
  Scoring& sc = s.scoring;
  if (const toml::node* n = root.get("score")) {
    const toml::table* t = n->as_table();
    if (!t) fail(*n, "'score' must be a table ([score])");
    check_keys(*t, "[score]", {"column", "formula", "check-legend"});
    if (const toml::node* c = t->get("column")) sc.score_column = column_of(s, *c, "column");
    if (const toml::node* f = t->get("formula")) {
      std::string problem;
      if (!parse_formula(string_of(*f, "formula"), s, sc.formula, problem)) fail(*f, problem);
      for (std::size_t c : sc.formula.inputs()) {
        if (c == sc.score_column) fail(*f, "'formula' reads the score column \"" + s.columns[c].key + "\" itself");
      }
    }
    if (const toml::node* c = t->get("check-legend")) {
      if (!c->is_boolean()) fail(*c, "'check-legend' must be true or false");
      sc.check_legend = *c->value<bool>();
    }
    if (sc.score_column == kNone && sc.formula.empty()) fail(*t, "[score] needs 'column', 'formula' or both");
  }
  if (const toml::node* n = root.get("bands")) {
    const toml::table* t = n->as_table();
    if (!t) fail(*n, "'bands' must be a table ([bands])");
    parse_bands(*t, s);
    if (sc.score_column == kNone && sc.formula.empty()) {
      fail(*t, "[bands] needs a score: set [score] 'column' or 'formula'");
    }
    for (std::size_t c : sc.formula.inputs()) {
      if (c == sc.band_column) fail(*t, "the band column \"" + s.columns[c].key + "\" is also a formula input");
    }
    if (sc.band_column == sc.score_column) fail(*t, "the band column and the score column are the same column");
  }
  if (const toml::node* n = root.get("order")) {
    const toml::table* t = n->as_table();
    if (!t) fail(*n, "'order' must be a table ([order])");
    parse_order(*t, s);
    if (sc.order.key == RowOrder::Key::Score && sc.score_column == kNone && sc.formula.empty()) {
      fail(*t->get("by"), "ordering by score needs [score] 'column' or 'formula'");
    }
  }
  // Scores, bands and order are read from table rows: a register of
  // entries alone has none, and would silently check nothing.
  if (sc.enabled() && !s.has_table) {
    const char* key = root.contains("score") ? "score" : root.contains("bands") ? "bands" : "order";
    fail(*root.get(key), std::string("[") + key + "] needs a register table; with register = \"entries\" there are no rows to score");
  }
}

}  // namespace mdrisk::config
