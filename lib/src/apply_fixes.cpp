#include <algorithm>
#include <map>

#include "mdrisk/fix.hpp"

namespace mdrisk {
namespace {

// Two edits conflict when their byte ranges overlap, or when an insertion
// lands at the same point as another edit starts (the order would be a guess).
bool conflicts(const Edit& a, const Edit& b) {
  const ByteRange& x = a.range;
  const ByteRange& y = b.range;
  if (x.empty() || y.empty()) {
    if (x.empty() && y.empty()) return x.begin == y.begin;
    const ByteRange& ins = x.empty() ? x : y;
    const ByteRange& rep = x.empty() ? y : x;
    return ins.begin >= rep.begin && ins.begin < rep.end;
  }
  return x.begin < y.end && y.begin < x.end;
}

}  // namespace

ApplyResult apply_fixes(std::string_view original, const std::vector<const Fix*>& fixes) {
  ApplyResult result;
  std::vector<const Fix*> ordered;
  for (const Fix* f : fixes) {
    if (f && !f->edits.empty()) ordered.push_back(f);
  }
  const auto first_begin = [](const Fix* f) {
    std::size_t b = f->edits.front().range.begin;
    for (const Edit& e : f->edits) b = std::min(b, e.range.begin);
    return b;
  };
  std::stable_sort(ordered.begin(), ordered.end(),
                   [&](const Fix* a, const Fix* b) { return first_begin(a) < first_begin(b); });

  // Taken edits keyed by begin; neighbours are enough to detect a conflict
  // because taken edits never overlap each other.
  std::multimap<std::size_t, const Edit*> taken;
  std::multimap<std::size_t, const Fix*> taken_fixes;  // by first edit's begin
  for (const Fix* f : ordered) {
    bool ok = true;
    for (const Edit& e : f->edits) {
      if (e.range.begin > e.range.end || e.range.end > original.size()) ok = false;
    }
    const auto [lo, hi] = taken_fixes.equal_range(first_begin(f));
    const bool duplicate = std::any_of(lo, hi, [&](const auto& t) { return t.second->edits == f->edits; });
    if (duplicate) continue;  // the same change reported twice
    for (std::size_t i = 0; ok && i < f->edits.size(); ++i) {
      const Edit& e = f->edits[i];
      for (std::size_t j = 0; ok && j < i; ++j) ok = !conflicts(e, f->edits[j]);
      auto it = taken.upper_bound(e.range.begin);
      if (it != taken.end() && conflicts(e, *it->second)) ok = false;
      // Scan back over every edit starting at or before e (a few at most).
      while (ok && it != taken.begin()) {
        --it;
        if (conflicts(e, *it->second)) ok = false;
        if (it->second->range.end < e.range.begin) break;
      }
    }
    if (!ok) {
      ++result.skipped;
      continue;
    }
    for (const Edit& e : f->edits) taken.emplace(e.range.begin, &e);
    taken_fixes.emplace(first_begin(f), f);
    ++result.applied;
  }

  std::vector<const Edit*> edits;
  edits.reserve(taken.size());
  for (const auto& [begin, e] : taken) edits.push_back(e);
  // Insertions before replacements at the same offset cannot happen (they
  // conflict); among equal begins, order is the multimap's insertion order.
  std::size_t out_size = original.size();
  for (const Edit* e : edits) out_size += e->replacement.size();
  result.output.reserve(out_size);
  std::size_t pos = 0;
  for (const Edit* e : edits) {
    result.output.append(original.substr(pos, e->range.begin - pos));
    result.output.append(e->replacement);
    pos = e->range.end;
  }
  result.output.append(original.substr(pos));
  return result;
}

}  // namespace mdrisk
