// MR204 entry-order: detailed entries follow the table's row order.
// Why: readers scan the table, then scroll to the entry; a shuffled order
// makes that slow and hides missing entries. The fix moves whole entries,
// their text byte for byte; an entry with no row stays after its predecessor.
#include <algorithm>
#include <numeric>
#include <unordered_set>

#include "rules/all.hpp"
#include "rules/entry_moves.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

namespace {

// What moves with each entry: its range, plus the suppression comments right
// above its heading, which are about it (`<!-- mdrisk-disable MR302 -->`
// before `### Store review delay`). Left behind, they would suppress
// findings of whatever entry came to follow them, or nothing (and MR501
// would then delete them).
std::vector<ByteRange> moving_spans(const Tracker& t) {
  const SourceFile& src = *t.source;
  std::vector<ByteRange> spans;
  spans.reserve(t.entries.size());
  std::size_t b = 0;
  for (const Entry& e : t.entries) {
    while (b < t.blocks.size() && t.blocks[b].first_line < e.heading.first_line) ++b;
    ByteRange r = e.range;
    std::size_t lead = b;
    while (lead > 0 && t.blocks[lead - 1].directive) --lead;
    if (lead < b) {
      r.begin = src.line_start(t.blocks[lead].first_line);
      // Those comments were the end of the previous entry's body.
      if (!spans.empty() && spans.back().end > r.begin) {
        spans.back().end = lead > 0 ? src.line_end(t.blocks[lead - 1].last_line) : spans.back().end;
      }
    }
    spans.push_back(r);
  }
  return spans;
}

}  // namespace

std::optional<Edit> entry_order_edit(const Tracker& t, std::string_view eol, const std::vector<std::size_t>& rank) {
  if (t.entries.empty()) return std::nullopt;
  std::unordered_set<std::size_t> seen;
  for (const Entry& e : t.entries) {
    if (e.row != npos && !seen.insert(e.row).second) return std::nullopt;  // MR205 first
  }
  const auto rank_of = [&](std::size_t row) { return row < rank.size() ? rank[row] : row; };
  std::vector<std::size_t> key(t.entries.size());
  std::size_t last = 0;
  for (std::size_t i = 0; i < t.entries.size(); ++i) {
    if (t.entries[i].row != npos) last = rank_of(t.entries[i].row);
    key[i] = last;
  }
  std::vector<std::size_t> order(t.entries.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
  if (std::is_sorted(order.begin(), order.end())) return std::nullopt;
  const std::string& bytes = t.source->bytes();
  const std::vector<ByteRange> spans = moving_spans(t);
  std::string text;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k) text.append(eol).append(eol);
    const ByteRange r = spans[order[k]];
    text.append(bytes, r.begin, r.size());
  }
  return Edit{ByteRange{spans.front().begin, spans.back().end}, std::move(text)};
}

namespace {

std::optional<Fix> reorder_fix(const Tracker& t, std::string_view eol) {
  auto edit = entry_order_edit(t, eol, {});
  if (!edit) return std::nullopt;
  return make_fix(Applicability::Safe, "move entries into table order", {std::move(*edit)});
}

}  // namespace

void check_entry_order(const Tracker& t, RuleContext& ctx) {
  if (!t.table || t.entries.size() < 2) return;
  std::size_t max_row = 0;
  bool any = false, fix_attached = false;
  for (const Entry& e : t.entries) {
    if (e.row == npos) continue;
    if (any && e.row < max_row) {
      Diagnostic& d = ctx.report(kEntryOrder, e.heading.text_range,
                                 "entry " + quoted(e.heading.text) + " comes after entries of later table rows");
      if (!fix_attached) {
        d.fix = reorder_fix(t, ctx.source.eol());
        fix_attached = true;
      }
    }
    max_row = std::max(max_row, e.row);
    any = true;
  }
}

}  // namespace mdrisk::rules
