#include "mdrisk/source.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace mdrisk {
namespace {

// Returns an error message, or empty when `bytes` is acceptable Markdown text.
std::string validate_text(std::string_view bytes) {
  // UTF-32 first: its little-endian byte order mark begins like UTF-16's.
  if (bytes.size() >= 4 && (bytes.compare(0, 4, std::string_view("\xFF\xFE\0\0", 4)) == 0 ||
                            bytes.compare(0, 4, std::string_view("\0\0\xFE\xFF", 4)) == 0)) {
    return "is UTF-32 encoded; mdrisk reads UTF-8 only";
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return "is UTF-16 encoded; mdrisk reads UTF-8 only";
  }
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight bytes at a time while they are all ASCII and none is NUL.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, data + i, 8);
      constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
      if (((w | ((w - kOnes) & ~w)) & kHigh) != 0) break;  // a byte >= 0x80 or a zero byte
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = data[i];
    if (c == 0) {
      return "contains a NUL byte at offset " + std::to_string(i) + " (binary file?)";
    }
    if (c < 0x80) {  // ASCII fast path: most trackers are mostly ASCII
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto len = utf8proc_iterate(data + i, static_cast<utf8proc_ssize_t>(std::min<std::size_t>(4, n - i)), &cp);
    if (len <= 0) {
      return "is not valid UTF-8 (bad byte at offset " + std::to_string(i) + ")";
    }
    i += static_cast<std::size_t>(len);
  }
  return {};
}

}  // namespace

Result<SourceFile> SourceFile::from_bytes(std::string name, std::string bytes) {
  if (auto problem = validate_text(bytes); !problem.empty()) {
    return Error{ErrorKind::InvalidInput, problem};
  }
  SourceFile f;
  f.name_ = std::move(name);
  f.bytes_ = std::move(bytes);
  f.has_bom_ = f.bytes_.size() >= 3 && f.bytes_.compare(0, 3, "\xEF\xBB\xBF") == 0;
  // Lines are split the way cmark splits them: \n, \r\n and a lone \r.
  const std::string& b = f.bytes_;
  f.line_starts_.push_back(f.bom_size());
  bool ending_seen = false;
  if (b.find('\r', f.bom_size()) == std::string::npos) {
    // No carriage return at all (the usual case): every line ends at a \n,
    // found with memchr instead of a byte-by-byte loop.
    const char* const data = b.data();
    const std::size_t n = b.size();
    std::size_t i = f.bom_size();
    while (i < n) {
      const void* nl = std::memchr(data + i, '\n', n - i);
      if (!nl) break;
      i = static_cast<std::size_t>(static_cast<const char*>(nl) - data);
      if (!ending_seen) {
        f.line_ending_ = LineEnding::Lf;
        ending_seen = true;
      }
      if (i + 1 < n) f.line_starts_.push_back(i + 1);
      ++i;
    }
    return f;
  }
  for (std::size_t i = f.bom_size(); i < b.size(); ++i) {
    if (b[i] == '\n' || b[i] == '\r') {
      const bool crlf = b[i] == '\r' && i + 1 < b.size() && b[i + 1] == '\n';
      if (!ending_seen) {
        f.line_ending_ = crlf ? LineEnding::CrLf : b[i] == '\r' ? LineEnding::Cr : LineEnding::Lf;
        ending_seen = true;
      }
      if (crlf) ++i;
      if (i + 1 < b.size()) f.line_starts_.push_back(i + 1);
    }
  }
  return f;
}

bool SourceFile::ends_with_newline() const {
  return !bytes_.empty() && (bytes_.back() == '\n' || bytes_.back() == '\r');
}

bool SourceFile::line_is_blank(std::size_t line) const {
  for (char c : line_text(line)) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

std::size_t SourceFile::line_of(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  if (it == line_starts_.begin()) return 1;
  return static_cast<std::size_t>(it - line_starts_.begin());
}

Position SourceFile::position_of(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  const std::size_t line = line_of(offset);
  const std::size_t start = line_start(line);
  std::size_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    // Count Unicode scalar values: every byte that is not a continuation byte.
    if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++column;
  }
  return Position{line, column};
}

}  // namespace mdrisk
