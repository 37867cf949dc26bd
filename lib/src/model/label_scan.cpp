#include "model/label_scan.hpp"

namespace mdrisk {
namespace {

bool space(char c) { return c == ' ' || c == '\t'; }

// A label starting at `at` ("**" or "__"), or false.
bool read_one(std::string_view line, std::size_t at, bool need_colon, LabelHit* hit) {
  if (line.size() < at + 5) return false;
  const std::string_view delim = line.substr(at, 2);
  if (delim != "**" && delim != "__") return false;
  const std::size_t close = line.find(delim, at + 2);
  if (close == std::string_view::npos || close == at + 2) return false;
  std::size_t name_end = close;
  bool inside = false, colon = false;
  if (line[name_end - 1] == ':') {
    inside = colon = true;
    --name_end;
  }
  std::size_t end = close + 2;
  if (!inside && end < line.size() && line[end] == ':') {
    colon = true;
    ++end;
  }
  if (need_colon && !colon) return false;
  std::size_t nb = at + 2, ne = name_end;
  while (nb < ne && space(line[nb])) ++nb;
  while (ne > nb && space(line[ne - 1])) --ne;
  if (nb == ne) return false;
  hit->begin = at;
  hit->end = end;
  hit->name_begin = nb;
  hit->name_end = ne;
  hit->colon = colon;
  hit->colon_inside = inside;
  return true;
}

}  // namespace

std::vector<LabelHit> scan_labels(std::string_view line, bool first_only) {
  std::vector<LabelHit> hits;
  LabelHit first;
  if (!read_one(line, 0, false, &first)) return hits;
  hits.push_back(first);
  if (!first_only) {
    for (std::size_t i = first.end; i + 1 < line.size(); ++i) {
      if (!space(line[i]) || (line[i + 1] != '*' && line[i + 1] != '_')) continue;
      LabelHit more;
      if (read_one(line, i + 1, true, &more)) {
        hits.push_back(more);
        i = more.end - 1;
      }
    }
  }
  for (std::size_t k = 0; k < hits.size(); ++k) {
    std::size_t b = hits[k].end, e = k + 1 < hits.size() ? hits[k + 1].begin : line.size();
    while (b < e && space(line[b])) ++b;
    while (e > b && space(line[e - 1])) --e;
    hits[k].value_begin = b;
    hits[k].value_end = e;
  }
  return hits;
}

}  // namespace mdrisk
