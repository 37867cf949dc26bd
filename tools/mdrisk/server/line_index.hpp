#pragma once
// LSP positions are (line, character) where lines end at "\n", "\r\n" or
// "\r" and the character counts code units of the negotiated encoding
// (UTF-8 bytes, UTF-16 units, or code points). mdrisk works in byte
// offsets; this converts between the two over one version of a document.
#include <cstddef>
#include <string_view>
#include <vector>

namespace mdrisk::server {

enum class Encoding { Utf8, Utf16, Utf32 };
const char* encoding_name(Encoding e);

struct LspPosition {
  std::size_t line = 0;
  std::size_t character = 0;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  std::size_t line_count() const { return starts_.size(); }
  // A byte offset (clamped to the text) as an LSP position.
  LspPosition position_of(std::size_t offset, Encoding enc) const;
  // An LSP position as a byte offset. As the protocol asks, a character past
  // the end of its line means the line's end, and a line past the last line
  // means the end of the text; a position inside a multi-unit character
  // rounds down to the character's first byte.
  std::size_t offset_of(LspPosition pos, Encoding enc) const;

 private:
  std::size_t content_end(std::size_t line) const;  // before the terminator
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace mdrisk::server
