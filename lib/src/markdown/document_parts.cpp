#include "base/atx_heading.hpp"
#include "markdown/document_parts.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>

namespace mdrisk {
namespace {

std::atomic<std::size_t> g_target_bytes{std::size_t{64} << 10};

bool is_blank_line(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// "#", "##" or "###" at column 0, then a space, a tab, or the end of the
// line. `rest`: the document from the line's start on; its first bytes say.
bool opens_atx_heading(std::string_view rest) {
  rest = rest.substr(0, 8);
  rest = rest.substr(0, rest.find('\n'));
  const std::optional<AtxLine> h = scan_atx_line(rest, 0);
  return h && h->level <= 3;
}

bool has_lone_cr(std::string_view body) {
  for (std::size_t i = body.find('\r'); i != std::string_view::npos; i = body.find('\r', i + 1)) {
    if (i + 1 == body.size() || body[i + 1] != '\n') return true;
  }
  return false;
}

// LFs in `s`, found with memchr (vectorised in glibc): a byte-by-byte
// count over the whole body was ~2.5% of --fix.
std::size_t count_lf(std::string_view s) {
  std::size_t n = 0;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const void* lf = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!lf) break;
    ++n;
    p = static_cast<const char*>(lf) + 1;
  }
  return n;
}

}  // namespace

std::size_t part_target_bytes() { return g_target_bytes.load(std::memory_order_relaxed); }
void set_part_target_bytes(std::size_t bytes) { g_target_bytes.store(std::max<std::size_t>(bytes, 1)); }

std::vector<PartStart> document_parts(std::string_view body, std::size_t target_bytes) {
  std::vector<PartStart> parts{PartStart{0, 0}};
  target_bytes = std::max<std::size_t>(target_bytes, 1);
  if (body.size() < 2 * target_bytes) return parts;
  if (body.find("]:") != std::string_view::npos || has_lone_cr(body)) return parts;

  std::size_t lines_before = 0;  // LFs before `counted`
  std::size_t counted = 0;
  // Each candidate is a line starting with '#': search for its LF, which
  // may sit just before the first offset a cut may take.
  std::size_t search = target_bytes - 1;
  while (search < body.size()) {
    const std::size_t lf = body.find("\n#", search);
    if (lf == std::string_view::npos) break;
    const std::size_t line = lf + 1;
    search = line;
    const std::size_t prev_lf = lf == 0 ? std::string_view::npos : body.rfind('\n', lf - 1);
    const std::size_t prev_begin = prev_lf == std::string_view::npos ? 0 : prev_lf + 1;
    if (!is_blank_line(body.substr(prev_begin, lf - prev_begin)) || !opens_atx_heading(body.substr(line, 8))) continue;
    lines_before += count_lf(body.substr(counted, line - counted));
    counted = line;
    parts.push_back(PartStart{line, lines_before});
    search = line + target_bytes - 1;
  }
  return parts;
}

}  // namespace mdrisk
