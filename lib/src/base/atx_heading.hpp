#pragma once
// The one reading of an ATX heading line (`## Title ##`), for every place
// that looks at raw lines before or beside cmark: the model builder (exact
// text spans), the table blanking and the file walk (finding the Summary
// Table heading), the part cutter, and MR201's stubs. cmark decides what is a
// heading; this says where its level, text and closing sequence are.
#include <cstddef>
#include <optional>
#include <string_view>

namespace mdrisk {

struct AtxLine {
  std::size_t indent = 0;  // spaces before the first '#'
  int level = 0;           // 1 to 6
  // The title: after the opening '#'s and the blanks after them, before the
  // blanks that end the line and an optional closing sequence of '#'s (which
  // counts only after a blank, or when it is all there is). Offsets in the line.
  std::size_t text_begin = 0, text_end = 0;
  bool closed = false;  // had a closing sequence
  std::string_view text(std::string_view line) const { return line.substr(text_begin, text_end - text_begin); }
};

// `line` without or with its line ending. Up to `max_indent` spaces before
// the '#'s (CommonMark allows three; 0 for "at column 0"), then 1 to 6 '#'s
// followed by a space, a tab or the end of the line. nullopt otherwise.
std::optional<AtxLine> scan_atx_line(std::string_view line, std::size_t max_indent = 3);

}  // namespace mdrisk
