// MR604 row-order: the register's rows are not in the order `[order] by`
// declares (score descending, by ID, by a column).
// Why: a register "ranked by likelihood × impact" is read top-down; when a
// score changes and the row stays where it was, the top of the table is no
// longer the top risk. The fix sorts each table's rows (stably: rows that
// tie keep their order; rows with no key go last) and moves the detailed
// entries with them, with the machinery MR204 uses.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "mdrisk/scoring.hpp"
#include "rules/all.hpp"
#include "rules/entry_moves.hpp"
#include "rules/scoring_cells.hpp"

namespace mdrisk::rules {

namespace {

// A row's sort key: a number (a score, a level's value, a number in the
// cell) or, failing that, its text.
struct Key {
  bool present = false;
  std::optional<std::int64_t> number;
  std::string_view text;
};

Key key_of(const Tracker& t, std::size_t r) {
  const Scoring& sc = t.schema->scoring;
  Key k;
  if (sc.order.key == RowOrder::Key::Score) {
    k.number = row_score(t, r);
    k.present = k.number.has_value();
    return k;
  }
  const Cell* c = t.cell(r, sc.order.column);
  if (!c || c->text.empty()) return k;
  k.present = true;
  k.text = c->text;
  k.number = scale_value(*t.schema, sc.order.column, c->text);
  return k;
}

// Natural order: runs of digits compare as numbers ("R-2" before "R-10").
int natural_compare(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
    if (da && db) {
      std::size_t ie = i, je = j;
      while (ie < a.size() && a[ie] >= '0' && a[ie] <= '9') ++ie;
      while (je < b.size() && b[je] >= '0' && b[je] <= '9') ++je;
      std::string_view na = a.substr(i, ie - i), nb = b.substr(j, je - j);
      while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size() ? -1 : 1;
      if (na != nb) return na < nb ? -1 : 1;
      i = ie, j = je;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
    ++i, ++j;
  }
  if (i == a.size() && j == b.size()) return 0;
  return i == a.size() ? -1 : 1;
}

// True when `a` must come before `b`. Rows without a key go last; numbers
// before text.
bool before(const Key& a, const Key& b, bool descending) {
  if (a.present != b.present) return a.present;
  if (!a.present) return false;
  if (a.number.has_value() != b.number.has_value()) return a.number.has_value();
  int c = a.number ? (*a.number < *b.number ? -1 : *a.number > *b.number ? 1 : 0) : natural_compare(a.text, b.text);
  if (descending) c = -c;
  return c < 0;
}

std::string shown(const Key& k) {
  if (!k.present) return "none";
  return k.number && k.text.empty() ? std::to_string(*k.number) : std::string(k.text);
}

}  // namespace

void check_row_order(const Tracker& t, RuleContext& ctx) {
  const Scoring& sc = ctx.schema.scoring;
  if (sc.order.key == RowOrder::Key::None || !t.table) return;
  const bool desc = sc.order.descending;
  // Register rows are numbered across the tables; each table is sorted by itself.
  std::vector<std::size_t> rank(t.row_count());
  std::iota(rank.begin(), rank.end(), 0);
  std::vector<Edit> row_edits;
  struct Finding {
    std::size_t row, previous;
  };
  std::vector<Finding> findings;
  std::size_t first = 0;
  const std::string_view eol = ctx.source.eol();
  for (const Table* table : t.tables()) {
    const std::size_t n = table->rows.size();
    std::vector<Key> keys;
    keys.reserve(n);
    for (std::size_t i = 0; i < n; ++i) keys.push_back(key_of(t, first + i));
    for (std::size_t i = 1; i < n; ++i) {
      if (before(keys[i], keys[i - 1], desc)) findings.push_back({first + i, first + i - 1});
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return before(keys[a], keys[b], desc); });
    if (!std::is_sorted(order.begin(), order.end())) {
      const std::string& bytes = ctx.source.bytes();
      std::string text;
      for (std::size_t k = 0; k < n; ++k) {
        if (k) text.append(eol);
        const ByteRange r = table->rows[order[k]].range;
        text.append(bytes, r.begin, r.size());
        rank[first + order[k]] = first + k;
      }
      row_edits.push_back({{table->rows.front().range.begin, table->rows.back().range.end}, std::move(text)});
    }
    first += n;
  }
  if (findings.empty()) return;
  std::vector<Edit> edits = row_edits;
  if (auto moved = entry_order_edit(t, eol, rank)) edits.push_back(std::move(*moved));
  bool fix_attached = false;
  for (const Finding& f : findings) {
    const Row& row = t.row(f.row);
    // Rows ordered by the column they are named by need no key shown.
    const bool by_label = sc.order.key == RowOrder::Key::Column &&
                          (sc.order.column == label_column(ctx.schema) ||
                           (label_column(ctx.schema) == npos && sc.order.column == ctx.schema.name_column));
    const auto part = [&](std::size_t r) {
      return by_label ? row_label(t, r) : row_label(t, r) + " (" + shown(key_of(t, r)) + ")";
    };
    Diagnostic& d = ctx.report(kRowOrder, row.range,
                               fmt::format("{} comes after {}, but rows are ordered by {}", part(f.row),
                                           part(f.previous), sc.order.text));
    if (!fix_attached && !row_edits.empty()) {
      d.fix = make_fix(Applicability::Safe, "sort the rows by " + sc.order.text, edits);
      fix_attached = true;
    }
  }
}

}  // namespace mdrisk::rules
