// Infers a register's shape from its text, for `mdrisk init --from FILE`.
// A line scan is enough and keeps this independent of the schema it is
// about to write: ATX headings, GFM table lines, bold labels, fenced code
// and front matter are all recognisable line by line. Whatever it guesses,
// the linter then checks the file against the result, so a wrong guess is
// visible at once (and the comments say what was seen, for a person to
// correct).
#include "mdrisk/infer.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/text.hpp"
#include "model/label_scan.hpp"
#include "model/date_inference.hpp"
#include "model/scoring_inference.hpp"

namespace mdrisk {
namespace {

std::string lower(std::string_view s) { return text::casefold(text::trim(s)); }

bool space(char c) { return c == ' ' || c == '\t'; }

struct HeadingLine {
  std::size_t line = 0;
  int level = 0;
  std::string text;
};

struct TableLines {
  std::size_t first_line = 0, last_line = 0;
  std::vector<std::string> header;
  std::string delimiter;  // the raw delimiter line
  std::vector<std::string> raw;  // every raw line, header first
  std::vector<std::vector<std::string>> rows;
  int under = -1;  // index of the heading above it
};

std::vector<std::string> split_cells(std::string_view line) {
  std::vector<std::string> cells;
  std::string_view t = text::trim(line);
  if (!t.empty() && t.front() == '|') t.remove_prefix(1);
  if (!t.empty() && t.back() == '|' && !(t.size() >= 2 && t[t.size() - 2] == '\\')) t.remove_suffix(1);
  std::string cur;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
      cur += "\\|";
      ++i;
    } else if (t[i] == '|') {
      cells.emplace_back(text::trim(cur));
      cur.clear();
    } else {
      cur += t[i];
    }
  }
  cells.emplace_back(text::trim(cur));
  return cells;
}

bool is_delimiter_row(std::string_view line) {
  const std::string_view t = text::trim(line);
  if (t.empty() || t.find('-') == std::string_view::npos) return false;
  for (const char c : t) {
    if (c != '|' && c != '-' && c != ':' && !space(c)) return false;
  }
  return true;
}

// The document as headings, tables and the line each starts on.
struct Scan {
  std::vector<std::string_view> lines;  // 1-based: lines[0] is empty
  std::vector<HeadingLine> headings;
  std::vector<TableLines> tables;
  std::vector<bool> in_code;  // per line: inside a fence or front matter
};

Scan scan(const SourceFile& src) {
  Scan s;
  s.lines.push_back({});
  for (std::size_t l = 1; l <= src.line_count(); ++l) s.lines.push_back(src.line_text(l));
  s.in_code.assign(s.lines.size(), false);
  std::size_t l = 1;
  // YAML front matter, as GitHub reads it: "---" on line 1 up to "---" or "...".
  if (s.lines.size() > 2 && text::trim(s.lines[1]) == "---") {
    for (std::size_t k = 2; k < s.lines.size(); ++k) {
      const std::string_view t = text::trim(s.lines[k]);
      if (t == "---" || t == "...") {
        for (std::size_t j = 1; j <= k; ++j) s.in_code[j] = true;
        l = k + 1;
        break;
      }
    }
  }
  std::string fence;
  for (; l < s.lines.size(); ++l) {
    const std::string_view line = s.lines[l];
    const std::string_view t = text::trim(line);
    if (!fence.empty()) {
      s.in_code[l] = true;
      if (text::starts_with(t, fence)) fence.clear();
      continue;
    }
    if (text::starts_with(t, "```") || text::starts_with(t, "~~~")) {
      fence = std::string(t.substr(0, 3));
      s.in_code[l] = true;
      continue;
    }
    if (!line.empty() && line[0] == '#') {
      std::size_t n = 0;
      while (n < line.size() && line[n] == '#') ++n;
      if (n <= 6 && (n == line.size() || space(line[n]))) {
        std::string_view h = text::trim(line.substr(n));
        while (!h.empty() && h.back() == '#') h.remove_suffix(1);
        s.headings.push_back({l, static_cast<int>(n), std::string(text::trim(h))});
        continue;
      }
    }
    if (!t.empty() && t.front() == '|' && l + 1 < s.lines.size() && is_delimiter_row(s.lines[l + 1])) {
      TableLines tl;
      tl.first_line = l;
      tl.header = split_cells(line);
      tl.delimiter = std::string(s.lines[l + 1]);
      tl.raw.emplace_back(line);
      tl.raw.emplace_back(s.lines[l + 1]);
      tl.under = static_cast<int>(s.headings.size()) - 1;
      std::size_t k = l + 2;
      while (k < s.lines.size() && !text::trim(s.lines[k]).empty() && text::trim(s.lines[k]).front() == '|') {
        tl.rows.push_back(split_cells(s.lines[k]));
        tl.raw.emplace_back(s.lines[k]);
        ++k;
      }
      tl.last_line = k - 1;
      s.tables.push_back(std::move(tl));
      l = k - 1;
    }
  }
  return s;
}

// The role a header plays, from the words registers use for it.
std::string role_of(std::string_view header) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kRoles = {
      {"id", {"id", "#", "nr", "nr.", "no", "no.", "ref", "key", "risk id"}},
      {"risk", {"risk", "title", "failure mode", "risiko", "name", "threat", "issue", "risk description"}},
      {"likelihood", {"likelihood", "probability", "p", "l", "wahrscheinlichkeit", "prob."}},
      {"impact", {"impact", "severity", "i", "s", "auswirkung", "consequence"}},
      {"mitigation", {"mitigation", "response", "maßnahme", "massnahme", "controls", "action", "mitigation plan"}},
      {"owner", {"owner", "verantwortlich", "assignee"}},
      {"status", {"status", "state"}},
      {"score", {"score", "risk score", "rpn", "l\xC3\x97i", "l x i"}},
      {"band", {"band", "level", "risk level", "risk band", "rating"}},
  };
  const std::string h = lower(header);
  for (const auto& [role, words] : kRoles) {
    for (const auto& w : words) {
      if (h == text::casefold(w)) return role;
    }
  }
  return {};
}

std::string slug(std::string_view header) {
  std::string out;
  for (const char c : lower(header)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "column" : out;
}

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string toml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + toml_string(items[i]);
  return out + "]";
}

// The controlled part of a cell: after a struck-out old value, inside a
// code span, or the words before a qualifier ("HIGH (write path only)",
// "closed (2026-02-03 — …)", "Open - Active Mitigation").
struct Head {
  std::string value;
  bool qualified = false;  // more than the value was written
  std::string range_to;    // "LOW–MEDIUM": "MEDIUM"
};

Head head_of(std::string_view cell) {
  Head h;
  std::string_view t = text::trim(cell);
  if (text::starts_with(t, "~~")) {
    const std::size_t close = t.find("~~", 2);
    if (close != std::string_view::npos) {
      t = text::trim(t.substr(close + 2));
      h.qualified = true;
    }
  }
  if (!t.empty() && t.front() == '`') {
    const std::size_t close = t.find('`', 1);
    if (close != std::string_view::npos) {
      h.value = std::string(text::trim(t.substr(1, close - 1)));
      h.qualified = true;
      return h;
    }
  }
  // The value ends at an opening parenthesis, a spaced dash, a comma or a
  // full stop; a range is two values joined by an unspaced dash.
  std::size_t end = t.size();
  for (const std::string_view stop : {std::string_view(" ("), std::string_view(" \xE2\x80\x94 "),
                                      std::string_view(" \xE2\x80\x93 "), std::string_view(" - "),
                                      std::string_view(","), std::string_view(". ")}) {
    end = std::min(end, t.find(stop));
  }
  if (end < t.size()) h.qualified = true;
  std::string_view v = text::trim(t.substr(0, end));
  if (!v.empty() && v.back() == '.') {
    v.remove_suffix(1);
    h.qualified = true;
  }
  const std::size_t dash = v.find("\xE2\x80\x93");
  if (dash != std::string_view::npos && dash > 0 && v.find(' ') == std::string_view::npos) {
    h.range_to = std::string(v.substr(dash + 3));
    v = v.substr(0, dash);
  }
  h.value = std::string(v);
  return h;
}

struct ColumnGuess {
  std::string key, header;
  bool required = true, non_empty = true;
  std::vector<std::string> values;
  bool qualifiers = false, ranges = false, any_case = false;
};

bool is_level_role(const std::string& role) {
  return role == "likelihood" || role == "impact" || role == "status";
}

// Values seen in a column, when they look like a closed vocabulary: a known
// rating or status role, or few distinct short values repeated.
void guess_values(ColumnGuess& c, const std::string& role, const std::vector<std::string>& cells) {
  std::vector<std::string> seen;
  std::set<std::string> folded;
  bool qualified = false, ranged = false, mixed_case = false;
  std::map<std::string, std::string> spelling;
  for (const std::string& cell : cells) {
    if (text::trim(cell).empty()) continue;
    const Head h = head_of(cell);
    qualified = qualified || h.qualified;
    for (const std::string& v : {h.value, h.range_to}) {
      if (v.empty()) continue;
      ranged = ranged || &v == &h.range_to;
      const std::string f = text::casefold(v);
      if (auto it = spelling.find(f); it != spelling.end()) {
        mixed_case = mixed_case || it->second != v;
        continue;
      }
      spelling[f] = v;
      folded.insert(f);
      seen.push_back(v);
    }
  }
  const bool vocabulary = is_level_role(role) || (seen.size() <= 4 && seen.size() * 2 <= cells.size());
  if (!vocabulary || seen.empty() || seen.size() > 8) return;
  for (const auto& v : seen) {
    if (v.size() > 24) return;  // prose, not a vocabulary
  }
  // Numbers in order; words in the order first seen.
  const bool numeric = std::all_of(seen.begin(), seen.end(), [](const std::string& v) {
    return !v.empty() && std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  });
  if (numeric) std::sort(seen.begin(), seen.end(), [](const std::string& a, const std::string& b) {
    return std::stoi(a) < std::stoi(b);
  });
  c.values = seen;
  c.qualifiers = qualified;
  c.ranges = ranged;
  c.any_case = mixed_case;
}

struct EntryGuess {
  std::size_t heading = 0;  // index into Scan::headings
  std::string id, title;
  std::string separator;  // between ID and title as written
  std::size_t row = static_cast<std::size_t>(-1);
};

// "R-01: Title" -> id "R-01", separator ": ", title "Title". An ID is one
// token of letters, digits and dashes holding a digit (or X placeholders).
bool split_id(std::string_view heading, std::string* id, std::string* sep, std::string* title) {
  std::size_t i = 0;
  bool digit = false, x = false;
  while (i < heading.size()) {
    const char c = heading[i];
    if (c >= '0' && c <= '9') digit = true;
    else if (c == 'X') x = true;
    else if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) break;
    ++i;
  }
  std::size_t id_end = i;
  while (id_end > 0 && (heading[id_end - 1] == '.' || heading[id_end - 1] == '-')) --id_end;
  if (id_end == 0 || !(digit || x)) return false;
  *id = std::string(heading.substr(0, id_end));
  std::size_t t = id_end;
  while (t < heading.size() && !(std::isalnum(static_cast<unsigned char>(heading[t])) ||
                                 static_cast<unsigned char>(heading[t]) >= 0xC3 || heading[t] == '*' ||
                                 heading[t] == '`')) {
    ++t;
  }
  *sep = std::string(heading.substr(id_end, t - id_end));
  *title = std::string(text::trim(heading.substr(t)));
  return true;
}

std::string pattern_for(const std::string& sep, bool has_title) {
  if (!has_title) return "{id}";
  const std::string_view s = sep;
  if (s == ": ") return "{id}: {title}";
  if (s == " \xE2\x80\x94 ") return "{id} \xE2\x80\x94 {title}";
  if (s == " \xE2\x80\x93 ") return "{id} \xE2\x80\x93 {title}";
  if (s == " - ") return "{id} - {title}";
  if (s == ". ") return "{id}. {title}";
  if (s == " ") return "{id} {title}";
  return "{id}" + sep + "{title}";
}

struct FieldSeen {
  std::string label;
  std::size_t entries = 0;
};

}  // namespace

namespace {

// [score] and [bands], from the register's rows and what the rest of the
// document states about its scale.
template <typename Row>
std::string scoring_toml(const Scan& s, const std::vector<std::size_t>& registers,
                         const std::vector<ColumnGuess>& columns, const std::vector<Row>& rows) {
  ScoringEvidence e;
  for (const ColumnGuess& c : columns) {
    e.keys.push_back(c.key);
    e.values.push_back(c.values);
  }
  for (const Row& r : rows) e.rows.push_back(r.cells);
  std::vector<bool> in_table(s.lines.size(), false);
  for (std::size_t t = 0; t < s.tables.size(); ++t) {
    for (std::size_t l = s.tables[t].first_line; l <= s.tables[t].last_line; ++l) in_table[l] = true;
    if (std::find(registers.begin(), registers.end(), t) == registers.end()) {
      e.legends.push_back({s.tables[t].first_line, s.tables[t].header, s.tables[t].rows});
    }
  }
  for (std::size_t l = 1; l < s.lines.size(); ++l) {
    if (!s.in_code[l] && !in_table[l]) e.prose.push_back({l, s.lines[l]});
  }
  const InferredScoring found = infer_scoring(e);
  if (found.score_column.empty()) return {};
  std::string out = "# Score = likelihood \xC3\x97 impact in " + std::to_string(found.rows_agreeing) + " of " +
                    std::to_string(found.rows_scored) + " rows.\n[score]\ncolumn = " +
                    toml_string(found.score_column) + "\nformula = " + toml_string(found.formula) + "\n\n";
  if (found.band_column.empty()) return out;
  out += "# The bands the document states on line " + std::to_string(found.thresholds_line) +
         ".\n[bands]\ncolumn = " + toml_string(found.band_column) + "\nthresholds = [\n";
  for (const auto& t : found.thresholds) {
    out += "  { band = " + toml_string(t.band) + ", min = " + std::to_string(t.min) +
           ", max = " + std::to_string(t.max) + " },\n";
  }
  return out + "]\n\n";
}

std::string dates_toml(const InferredDates& d) {
  if (!d.any()) return {};
  std::string out = "[dates]\n";
  if (!d.document_date) {
    out += "as-of = \"today\"      # or a fixed \"YYYY-MM-DD\"; `--as-of` overrides it\n";
  } else {
    const std::string label = d.document_label.empty() ? "Last updated" : d.document_label;
    out += "as-of = \"document\"   # judged as on the document's \"" + label + "\" date\n";
  }
  if (!d.document_label.empty()) out += "document-date = " + toml_string(d.document_label) + "\n";
  if (!d.last_review.empty()) out += "last-review = " + toml_string(d.last_review) + "\n";
  if (!d.next_review.empty()) out += "next-review = " + toml_string(d.next_review) + "\n";
  if (!d.expires.empty()) out += "expires = " + toml_string(d.expires) + "\n";
  return out + "\n";
}

}  // namespace

std::optional<std::string> infer_config(const SourceFile& src) {
  const Scan s = scan(src);
  std::string root;   // top-level keys, which TOML wants before any table
  std::string out =
      "# mdrisk configuration inferred by `mdrisk init --from " + src.name() +
      "`.\n# It describes the register as it is written; check it, then keep it next to the file.\n"
      "# Every key is documented in mdrisk's README.\n\n";
  std::string notes;  // what was seen, as comments

  // The register tables: the first table with an ID or risk column, and
  // every later table holding the same key column. Others are legends.
  int first = -1;
  for (std::size_t i = 0; i < s.tables.size() && first < 0; ++i) {
    const TableLines& t = s.tables[i];
    bool key = false;
    for (const auto& h : t.header) key = key || role_of(h) == "id" || role_of(h) == "risk";
    if (key && t.header.size() >= 3) first = static_cast<int>(i);
  }
  std::vector<std::size_t> registers;
  std::string key_role;
  if (first >= 0) {
    for (const auto& h : s.tables[first].header) {
      if (role_of(h) == "id") key_role = "id";
    }
    if (key_role.empty()) key_role = "risk";
    for (std::size_t i = first; i < s.tables.size(); ++i) {
      bool key = false;
      for (const auto& h : s.tables[i].header) key = key || role_of(h) == key_role;
      if (key && s.tables[i].header.size() >= 3) registers.push_back(i);
    }
  }

  // Columns: the first register table's, then any others' extra ones.
  std::vector<ColumnGuess> columns;
  std::map<std::string, std::size_t> column_by_header;
  std::set<std::string> keys;
  std::vector<std::vector<std::string>> column_cells;  // every register table's cells, per column
  std::vector<std::string> column_roles;
  for (const std::size_t ti : registers) {
    const TableLines& t = s.tables[ti];
    for (std::size_t c = 0; c < t.header.size(); ++c) {
      const std::string folded = lower(t.header[c]);
      std::vector<std::string> cells;
      for (const auto& r : t.rows) cells.push_back(c < r.size() ? r[c] : std::string());
      auto it = column_by_header.find(folded);
      if (it == column_by_header.end()) {
        ColumnGuess g;
        const std::string role = role_of(t.header[c]);
        g.key = !role.empty() && !keys.count(role) ? role : slug(t.header[c]);
        while (keys.count(g.key)) g.key += "-2";
        keys.insert(g.key);
        g.header = t.header[c];
        g.required = ti == registers.front();
        column_by_header[folded] = columns.size();
        columns.push_back(std::move(g));
        column_cells.emplace_back();
        column_roles.push_back(role);
        it = column_by_header.find(folded);
      }
      ColumnGuess& g = columns[it->second];
      for (const auto& cell : cells) g.non_empty = g.non_empty && !cell.empty();
      column_cells[it->second].insert(column_cells[it->second].end(), cells.begin(), cells.end());
    }
  }
  for (std::size_t c = 0; c < columns.size(); ++c) guess_values(columns[c], column_roles[c], column_cells[c]);

  // Rows, keyed by ID and by name, for linking headings to them.
  struct RowSeen {
    std::string id, name;
    std::vector<std::string> cells;  // by column index
  };
  std::vector<RowSeen> rows;
  const auto column_index = [&](const std::string& key) -> std::size_t {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].key == key) return i;
    }
    return static_cast<std::size_t>(-1);
  };
  for (const std::size_t ti : registers) {
    const TableLines& t = s.tables[ti];
    for (const auto& r : t.rows) {
      RowSeen row;
      row.cells.assign(columns.size(), std::string());
      for (std::size_t c = 0; c < t.header.size() && c < r.size(); ++c) {
        const std::size_t col = column_by_header[lower(t.header[c])];
        row.cells[col] = r[c];
        if (columns[col].key == "id") {
          // "[SEC-001](#sec-001)": the link text is the ID.
          std::string_view v = r[c];
          if (text::starts_with(v, "[") && v.find("](") != std::string_view::npos) v = v.substr(1, v.find("](") - 1);
          row.id = std::string(text::trim(v));
        }
        if (columns[col].key == "risk") row.name = r[c];
      }
      rows.push_back(std::move(row));
    }
  }

  // Entries: headings after the register (or anywhere, with no table) that
  // start with a row's ID or equal a row's name; with no table, headings
  // at the level where most headings start with an ID.
  const std::size_t after_line = registers.empty() ? 0 : s.tables[registers.front()].last_line;
  std::vector<EntryGuess> entries;
  std::map<int, int> level_votes;
  std::vector<std::size_t> templates;
  for (std::size_t h = 0; h < s.headings.size(); ++h) {
    const HeadingLine& hl = s.headings[h];
    if (hl.line <= after_line || hl.level < 2) continue;
    EntryGuess e;
    e.heading = h;
    std::string id, sep, title;
    const bool has_id = split_id(hl.text, &id, &sep, &title);
    if (has_id && id.find("XX") != std::string::npos) {
      templates.push_back(h);
      continue;
    }
    bool linked = false;
    for (std::size_t r = 0; r < rows.size() && !linked; ++r) {
      if (has_id && !rows[r].id.empty() && rows[r].id == id) {
        e.id = id, e.separator = sep, e.title = title, e.row = r, linked = true;
      } else if (!rows[r].name.empty() && text::normalize_name(rows[r].name) == text::normalize_name(hl.text)) {
        e.title = hl.text, e.row = r, linked = true;
      }
    }
    if (!linked && has_id && (rows.empty() || key_role == "id")) {
      // With no table every ID heading is an entry; under a table, one with
      // no row is an orphan the linter will report, but its fields count.
      e.id = id, e.separator = sep, e.title = title;
      if (rows.empty()) ++level_votes[hl.level];
      entries.push_back(std::move(e));
      continue;
    }
    if (!linked) continue;
    ++level_votes[hl.level];
    entries.push_back(std::move(e));
  }
  int level = 3;
  int best = -1;
  for (const auto& [lv, votes] : level_votes) {
    if (votes > best) best = votes, level = lv;
  }
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const EntryGuess& e) { return s.headings[e.heading].level != level; }),
                entries.end());
  if (registers.empty() && entries.empty()) return std::nullopt;
  const bool by_id = !entries.empty() && std::all_of(entries.begin(), entries.end(),
                                                     [](const EntryGuess& e) { return !e.id.empty(); });

  // The heading above the entries, when one heading holds them all.
  std::string entries_heading;
  if (!entries.empty()) {
    int parent = -1;
    bool same = true;
    for (const EntryGuess& e : entries) {
      int p = -1;
      for (int h = static_cast<int>(e.heading) - 1; h >= 0; --h) {
        if (s.headings[h].level < level) {
          p = h;
          break;
        }
      }
      if (parent == -1) parent = p;
      same = same && p == parent;
    }
    if (same && parent >= 0 && s.headings[parent].level >= 2) entries_heading = s.headings[parent].text;
  }
  // The heading above the first register table, unless it is a group
  // heading of several tables (then the one above those).
  std::string table_heading;
  if (!registers.empty()) {
    const int under = s.tables[registers.front()].under;
    if (under >= 0 && s.headings[under].level >= 2) {
      int h = under;
      if (registers.size() > 1 && s.tables[registers[1]].under != under) {
        // One table per group heading: the section holding the groups.
        for (int k = under - 1; k >= 0; --k) {
          if (s.headings[k].level < s.headings[under].level) {
            h = k;
            break;
          }
        }
      }
      table_heading = s.headings[h].level >= 2 ? s.headings[h].text : "";
    }
  }

  // Fields of each entry, in whatever syntax the register writes them.
  std::map<std::string, std::size_t> syntax_votes;
  std::vector<FieldSeen> fields;
  std::size_t inside = 0, outside = 0, bare_colon = 0, bare_plain = 0;
  std::size_t blank_after = 0, no_blank_after = 0;
  std::map<std::string, std::vector<std::string>> field_values;  // label -> values (no table)
  for (const EntryGuess& e : entries) {
    const HeadingLine& hl = s.headings[e.heading];
    std::size_t end = src.line_count() + 1;
    for (std::size_t h = e.heading + 1; h < s.headings.size(); ++h) {
      if (s.headings[h].level <= level) {
        end = s.headings[h].line;
        break;
      }
    }
    if (hl.line + 1 < s.lines.size()) {
      (text::trim(s.lines[hl.line + 1]).empty() ? blank_after : no_blank_after) += 1;
    }
    std::set<std::string> here;
    const auto add = [&](std::string label, std::string value, const std::string& syntax) {
      ++syntax_votes[syntax];
      if (here.insert(text::casefold(label)).second) {
        auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const FieldSeen& f) { return text::iequals(f.label, label); });
        if (it == fields.end()) fields.push_back({label, 1});
        else ++it->entries;
      }
      field_values[text::casefold(label)].push_back(std::move(value));
    };
    for (std::size_t l = hl.line + 1; l < end; ++l) {
      if (s.in_code[l]) continue;
      const std::string_view line = s.lines[l];
      for (const HeadingLine& sub : s.headings) {
        if (sub.line == l && sub.level == level + 1) {
          // The value of a sub-heading field: its first non-blank line.
          std::string value;
          for (std::size_t k = l + 1; k < end; ++k) {
            if (!text::trim(s.lines[k]).empty()) {
              value = std::string(text::trim(s.lines[k]));
              break;
            }
          }
          add(sub.text, value, "headings");
        }
      }
      const bool bullet = line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ';
      if (bullet || (!line.empty() && (line[0] == '*' || line[0] == '_') && line.size() > 1 && line[1] == line[0])) {
        const std::string_view body = bullet ? line.substr(2) : line;
        const bool paragraph = !bullet;
        std::string_view b = body;
        if (paragraph) {
          while (!b.empty() && (b.back() == ' ' || b.back() == '\\')) b.remove_suffix(1);
        }
        for (const LabelHit& hit : scan_labels(b, false)) {
          const std::string label(b.substr(hit.name_begin, hit.name_end - hit.name_begin));
          const std::string value(b.substr(hit.value_begin, hit.value_end - hit.value_begin));
          if (hit.colon_inside) ++inside;
          else if (hit.colon) ++outside;
          if (hit.value_begin == hit.value_end && !hit.colon_inside) (hit.colon ? bare_colon : bare_plain) += 1;
          add(label, value, paragraph ? "paragraphs" : "bullets");
        }
      }
    }
    for (const TableLines& t : s.tables) {
      if (t.first_line > hl.line && t.first_line < end && t.header.size() == 2) {
        for (const auto& r : t.rows) {
          if (!r.empty() && !r[0].empty()) add(r[0], r.size() > 1 ? r[1] : "", "table");
        }
      }
    }
  }
  std::string syntax = "bullets";
  std::size_t votes = 0;
  for (const auto& [name, n] : syntax_votes) {
    if (n > votes) votes = n, syntax = name;
  }

  // With no table, the fields that hold ratings or a status are the
  // register's columns; the others are sections.
  const bool no_table = registers.empty() && !entries.empty();
  if (no_table) {
    for (const FieldSeen& f : fields) {
      const std::string role = role_of(f.label);
      if (role.empty() || role == "risk" || role == "id" || role == "mitigation") continue;
      ColumnGuess g;
      g.key = keys.count(role) ? slug(f.label) : role;
      keys.insert(g.key);
      g.header = f.label;
      g.required = f.entries == entries.size();
      guess_values(g, role, field_values[text::casefold(f.label)]);
      columns.push_back(std::move(g));
    }
  }
  const auto is_column_label = [&](const std::string& label) {
    for (const auto& c : columns) {
      if (text::iequals(c.header, label)) return true;
    }
    return false;
  };

  // [tracker]
  out += "[tracker]\n";
  if (no_table) {
    out += "register = \"entries\"                 # no table: each entry carries every field\n";
  }
  if (!no_table) {
    out += "table-heading = " + toml_string(table_heading) +
           (table_heading.empty() ? "                 # \"\": the table is found by its header, under any heading\n"
                                  : "\n");
  }
  out += "entries-heading = " + toml_string(entries_heading) +
         (entries_heading.empty() ? "               # \"\": entries may sit under any heading\n" : "\n");
  out += "entry-level = " + std::to_string(level) + "\n";
  const std::size_t linked_entries = static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [&](const EntryGuess& e) { return e.row < rows.size(); }));
  if (!registers.empty() && linked_entries < rows.size()) {
    // Which rows have entries: if one column's values tell them apart, only
    // rows with those values need one; otherwise none do.
    std::string condition;
    for (std::size_t c = 0; c < columns.size() && condition.empty(); ++c) {
      if (columns[c].values.empty()) continue;
      std::set<std::string> with, without;
      std::vector<bool> has(rows.size(), false);
      for (const auto& e : entries) {
        if (e.row < has.size()) has[e.row] = true;
      }
      for (std::size_t r = 0; r < rows.size(); ++r) {
        (has[r] ? with : without).insert(text::casefold(head_of(rows[r].cells[c]).value));
      }
      bool disjoint = !with.empty() && !without.empty();
      for (const auto& v : with) disjoint = disjoint && !without.count(v);
      if (!disjoint) continue;
      std::vector<std::string> vals;
      for (const auto& v : columns[c].values) {
        if (with.count(text::casefold(v))) vals.push_back(v);
      }
      condition = "[{ column = " + toml_string(columns[c].key) + ", values = " + toml_list(vals) + " }]";
    }
    out += "entries-required = " + (condition.empty() ? std::string("false") : condition) +
           (condition.empty() ? "             # some rows have no entry, and no column tells which need one\n"
                              : "  # only rows with these values have an entry\n");
  } else if (!registers.empty() && entries.empty()) {
    out += "entries-required = false             # the file has no entries\n";
  }
  if (!no_table && column_index("risk") == static_cast<std::size_t>(-1) && !columns.empty()) {
    out += "name-column = " + toml_string(columns[column_index("id") == 0 && columns.size() > 1 ? 1 : 0].key) + "\n";
  }
  if (by_id || no_table) {
    std::map<std::string, int> patterns;
    bool titles = false;
    for (const auto& e : entries) {
      ++patterns[pattern_for(e.separator, !e.title.empty())];
      titles = titles || !e.title.empty();
    }
    std::string pattern = "{id}";
    int n = 0;
    for (const auto& [p, count] : patterns) {
      if (count > n) n = count, pattern = p;
    }
    if (!no_table) out += "link = \"id\"\nid-column = \"id\"\n";
    out += "heading-pattern = " + toml_string(pattern) + "\n";
    if (!no_table && titles) {
      // The strictest title check every entry passes.
      const char* check = "off";
      for (const char* candidate : {"exact", "prefix", "words"}) {
        bool all = true;
        for (const auto& e : entries) {
          if (e.row >= rows.size() || e.title.empty()) continue;
          const std::vector<std::string> hw = [&] {
            std::vector<std::string> w;
            std::string cur;
            for (char ch : text::normalize_name(e.title)) {
              if (std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80) cur += ch;
              else if (!cur.empty()) w.push_back(cur), cur.clear();
            }
            if (!cur.empty()) w.push_back(cur);
            return w;
          }();
          std::vector<std::string> rw;
          {
            std::string cur;
            for (char ch : text::normalize_name(rows[e.row].name)) {
              if (std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80) cur += ch;
              else if (!cur.empty()) rw.push_back(cur), cur.clear();
            }
            if (!cur.empty()) rw.push_back(cur);
          }
          bool ok = true;
          if (std::string_view(candidate) == "exact") ok = hw == rw;
          else if (std::string_view(candidate) == "prefix") ok = hw.size() <= rw.size() && std::equal(hw.begin(), hw.end(), rw.begin());
          else {
            std::size_t j = 0;
            for (const auto& w : hw) {
              while (j < rw.size() && rw[j] != w) ++j;
              if (j == rw.size()) ok = false;
              else ++j;
            }
          }
          all = all && ok;
        }
        if (all) {
          check = candidate;
          break;
        }
      }
      out += std::string("title-check = \"") + check + "\"\n";
    }
  }
  if (!templates.empty()) {
    std::string id, sep, title;
    split_id(s.headings[templates.front()].text, &id, &sep, &title);
    const std::size_t x = id.find("XX");
    out += "template-pattern = " + toml_string("^" + id.substr(0, x) + "X+$") + "  # template entries, ignored\n";
  }
  if (syntax != "bullets") out += "field-syntax = " + toml_string(syntax) + "\n";
  if (inside > outside) out += "label-colon = \"inside\"\n";
  else if (bare_colon > bare_plain) out += "label-colon = \"outside-always\"   # a label with nothing after it keeps its colon\n";
  if (no_blank_after > 0) {
    out += std::string("blank-line-after-heading = ") + (blank_after == 0 ? "\"none\"" : "\"either\"") + "\n";
  }
  // Table style, from the first register table as written.
  if (!registers.empty()) {
    const TableLines& t = s.tables[registers.front()];
    bool tight = true, spaced = true, header_width = true;
    const std::vector<std::string> delim = split_cells(t.delimiter);
    for (const auto& d : delim) {
      const std::string_view dd = text::trim(d);
      tight = tight && dd == "---";
      spaced = spaced && dd == "---";
    }
    tight = tight && t.delimiter.find("|---|") != std::string::npos;
    spaced = spaced && t.delimiter.find("| --- |") != std::string::npos;
    // Header-sized dashes: each delimiter cell as wide as its header cell.
    {
      const auto widths = [](std::string_view line) {
        std::vector<std::size_t> w;
        std::string_view t2 = text::trim(line);
        std::size_t start = t2.find('|');
        while (start != std::string_view::npos) {
          const std::size_t next = t2.find('|', start + 1);
          if (next == std::string_view::npos) break;
          w.push_back(text::display_width(t2.substr(start + 1, next - start - 1)));
          start = next;
        }
        return w;
      };
      header_width = widths(t.raw[0]) == widths(t.raw[1]) && t.delimiter.find("| ") == std::string::npos;
    }
    bool compact = true;
    for (std::size_t l = 0; l < t.raw.size(); ++l) {
      if (l == 1) continue;
      compact = compact && t.raw[l].find("  |") == std::string::npos && t.raw[l].find("|  ") == std::string::npos;
    }
    bool aligned = true;
    const std::size_t w = text::display_width(t.raw[0]);
    for (const auto& line : t.raw) aligned = aligned && text::display_width(line) == w;
    aligned = aligned && !compact;
    const char* style = aligned ? "aligned" : compact ? "compact" : "as-written";
    out += std::string("table-style = \"") + style + "\"\n";
    if (!aligned) {
      const char* d = tight ? "tight" : spaced ? "spaced" : header_width ? "header-width" : "as-written";
      out += std::string("delimiter-row = \"") + d + "\"\n";
    }
  }
  out += "\n";

  // [[columns]]
  if (!columns.empty()) {
    out += "# Columns in the order the table has them";
    out += no_table ? " (here: fields every entry carries).\n" : ".\n";
    for (const ColumnGuess& c : columns) {
      out += "[[columns]]\nkey = " + toml_string(c.key) + "\nheader = " + toml_string(c.header) + "\n";
      if (!c.required) out += "required = false\n";
      if (!c.non_empty) out += "non-empty = false\n";
      if (!c.values.empty()) out += "values = " + toml_list(c.values) + "   # the values seen\n";
      if (c.qualifiers) out += "qualifiers = true                  # a value may be followed by a remark\n";
      if (c.ranges) out += "ranges = true                      # \"LOW\xE2\x80\x93MEDIUM\" is allowed\n";
      if (c.any_case) out += "value-case = \"any\"                 # the file writes values in more than one case\n";
      out += "\n";
    }
  }

  out += scoring_toml(s, registers, columns, rows);
  {
    DateEvidence d;
    for (const ColumnGuess& c : columns) d.keys.push_back(c.key), d.headers.push_back(c.header);
    for (const FieldSeen& f : fields) d.field_labels.push_back(f.label);
    const std::size_t register_line = !registers.empty()  ? s.tables[registers.front()].first_line
                                      : !entries.empty() ? s.headings[entries.front().heading].line
                                                         : s.lines.size();
    for (std::size_t l = 1; l < register_line && l < s.lines.size(); ++l) {
      if (!s.in_code[l]) d.preamble.push_back(s.lines[l]);
    }
    out += dates_toml(infer_dates(d));
  }

  // [[sections]]: the fields entries carry besides the table's columns.
  std::vector<const FieldSeen*> sections;
  for (const FieldSeen& f : fields) {
    if (!is_column_label(f.label)) sections.push_back(&f);
  }
  if (!entries.empty()) {
    out += "# Entry fields, in the order first seen: in every entry \"required\", in\n"
           "# nearly every entry \"recommended\", otherwise \"optional\".\n";
    for (const FieldSeen* f : sections) {
      const char* req = f->entries == entries.size()            ? "required"
                        : f->entries * 4 > entries.size() * 3 ? "recommended"
                                                                : "optional";
      out += "[[sections]]\nlabel = " + toml_string(f->label) + "\nrequirement = \"" + req + "\"\n\n";
    }
    if (sections.empty()) root += "sections = []   # entries carry only the table's columns\n\n";
  } else if (!registers.empty()) {
    root += "sections = []   # no entries, so no entry fields\n\n";
  }
  return root + out + notes;
}

}  // namespace mdrisk
