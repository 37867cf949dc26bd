#include "base/atx_heading.hpp"

namespace mdrisk {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::optional<AtxLine> scan_atx_line(std::string_view line, std::size_t max_indent) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  AtxLine h;
  while (h.indent < line.size() && h.indent < max_indent && line[h.indent] == ' ') ++h.indent;
  std::size_t i = h.indent;
  while (i < line.size() && line[i] == '#') ++i;
  const std::size_t hashes = i - h.indent;
  if (hashes == 0 || hashes > 6 || (i < line.size() && !blank(line[i]))) return std::nullopt;
  h.level = static_cast<int>(hashes);
  while (i < line.size() && blank(line[i])) ++i;
  std::size_t end = line.size();
  while (end > i && blank(line[end - 1])) --end;
  std::size_t closing = end;
  while (closing > i && line[closing - 1] == '#') --closing;
  if (closing < end && (closing == i || blank(line[closing - 1]))) {
    h.closed = true;
    end = closing;
    while (end > i && blank(line[end - 1])) --end;
  }
  h.text_begin = i;
  h.text_end = end;
  return h;
}

}  // namespace mdrisk
