#include <algorithm>

#include "mdrisk/fix.hpp"

namespace mdrisk {
namespace {

// Two edits conflict when their byte ranges overlap, or when an insertion
// lands at the same point as another edit starts (the order would be a
// guess), unless both are insertions of stacking fixes (report order).
bool conflicts(const Edit& a, const Edit& b, bool both_stack = false) {
  const ByteRange& x = a.range;
  const ByteRange& y = b.range;
  if (x.empty() || y.empty()) {
    if (x.empty() && y.empty()) return x.begin == y.begin && !both_stack;
    const ByteRange& ins = x.empty() ? x : y;
    const ByteRange& rep = x.empty() ? y : x;
    return ins.begin >= rep.begin && ins.begin < rep.end;
  }
  return x.begin < y.end && y.begin < x.end;
}

}  // namespace

ApplyResult apply_fixes(std::string_view original, const std::vector<const Fix*>& fixes) {
  ApplyResult result;
  // Fixes in order of their first edit (stable: report order breaks ties).
  struct Candidate {
    std::size_t first_begin;
    const Fix* fix;
    std::size_t index;  // in `fixes`
  };
  std::vector<Candidate> ordered;
  ordered.reserve(fixes.size());
  for (std::size_t i = 0; i < fixes.size(); ++i) {
    const Fix* f = fixes[i];
    if (!f || f->edits.empty()) continue;
    std::size_t b = f->edits.front().range.begin;
    for (const Edit& e : f->edits) b = std::min(b, e.range.begin);
    ordered.push_back({b, f, i});
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Candidate& a, const Candidate& b) { return a.first_begin < b.first_begin; });

  // Taken edits sorted by begin (equal begins in the order taken). Fixes
  // come in order of their first edit, so nearly every edit is appended at
  // the end; a sorted vector does that without a tree node per edit (two
  // multimaps measured 4 times slower, bench/RESULTS.md f6857e8; an edit landing before the
  // end moves the pointers after it, a memmove). Neighbours are enough to detect
  // a conflict because taken edits never overlap each other.
  struct Taken {
    const Edit* edit;
    bool shares_insertion_point;  // as its fix
  };
  std::vector<Taken> taken;
  taken.reserve(ordered.size());
  const auto by_begin = [](std::size_t begin, const Taken& t) { return begin < t.edit->range.begin; };
  std::vector<const Fix*> taken_here;  // fixes taken with the current first_begin
  std::size_t here = static_cast<std::size_t>(-1);
  for (const Candidate& c : ordered) {
    const Fix* f = c.fix;
    if (c.first_begin != here) {
      here = c.first_begin;
      taken_here.clear();
    }
    const bool duplicate =
        std::any_of(taken_here.begin(), taken_here.end(), [&](const Fix* t) { return t->edits == f->edits; });
    if (duplicate) continue;  // the same change reported twice
    bool ok = true;
    for (const Edit& e : f->edits) {
      if (e.range.begin > e.range.end || e.range.end > original.size()) ok = false;
    }
    for (std::size_t i = 0; ok && i < f->edits.size(); ++i) {
      const Edit& e = f->edits[i];
      for (std::size_t j = 0; ok && j < i; ++j) ok = !conflicts(e, f->edits[j]);
      auto it = std::upper_bound(taken.begin(), taken.end(), e.range.begin, by_begin);
      if (it != taken.end() && conflicts(e, *it->edit, f->shares_insertion_point && it->shares_insertion_point)) ok = false;
      // Scan back over every edit starting at or before e (a few at most).
      while (ok && it != taken.begin()) {
        --it;
        if (conflicts(e, *it->edit, f->shares_insertion_point && it->shares_insertion_point)) ok = false;
        if (it->edit->range.end < e.range.begin) break;
      }
    }
    if (!ok) {
      ++result.skipped;
      continue;
    }
    for (const Edit& e : f->edits) {
      taken.insert(std::upper_bound(taken.begin(), taken.end(), e.range.begin, by_begin), Taken{&e, f->shares_insertion_point});
    }
    taken_here.push_back(f);
    result.taken.push_back(c.index);
    ++result.applied;
  }

  // Insertions before replacements at the same offset cannot happen (they
  // conflict); among equal begins, order is the order taken.
  std::size_t out_size = original.size();
  for (const Taken& t : taken) out_size += t.edit->replacement.size();
  result.output.reserve(out_size);
  std::size_t pos = 0;
  for (const Taken& t : taken) {
    result.output.append(original.substr(pos, t.edit->range.begin - pos));
    result.output.append(t.edit->replacement);
    pos = t.edit->range.end;
  }
  result.output.append(original.substr(pos));
  return result;
}

}  // namespace mdrisk
