#include "server/line_index.hpp"

namespace mdrisk::server {

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf16: return "utf-16";
    case Encoding::Utf32: return "utf-32";
  }
  return "utf-16";
}

namespace {

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for a stray
// continuation byte, so malformed text still advances).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

std::size_t units_of(std::size_t bytes, Encoding enc) {
  switch (enc) {
    case Encoding::Utf8: return bytes;
    case Encoding::Utf16: return bytes == 4 ? 2 : 1;  // astral planes take a surrogate pair
    case Encoding::Utf32: return 1;
  }
  return 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

std::size_t LineIndex::content_end(std::size_t line) const {
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
  const std::size_t start = starts_[line];
  if (end > start && text_[end - 1] == '\n') --end;
  if (end > start && text_[end - 1] == '\r') --end;
  return end;
}

LspPosition LineIndex::position_of(std::size_t offset, Encoding enc) const {
  if (offset > text_.size()) offset = text_.size();
  // The last line starting at or before `offset`.
  std::size_t lo = 0, hi = starts_.size();
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    (starts_[mid] <= offset ? lo : hi) = mid;
  }
  const std::size_t end = content_end(lo);
  if (offset > end) offset = end;  // inside a "\r\n": the line's end
  std::size_t units = 0;
  for (std::size_t i = starts_[lo]; i < offset;) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(text_[i]));
    units += units_of(n, enc);
    i += n;
  }
  return {lo, units};
}

std::size_t LineIndex::offset_of(LspPosition pos, Encoding enc) const {
  if (pos.line >= starts_.size()) return text_.size();
  const std::size_t end = content_end(pos.line);
  std::size_t i = starts_[pos.line], units = 0;
  while (i < end) {
    std::size_t n = sequence_length(static_cast<unsigned char>(text_[i]));
    if (i + n > end) n = end - i;
    const std::size_t u = units_of(n, enc);
    if (units + u > pos.character) break;  // `character` points into this character (or before it)
    units += u;
    i += n;
  }
  return i;
}

}  // namespace mdrisk::server
