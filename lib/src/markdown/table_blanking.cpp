#include "base/atx_heading.hpp"
#include "markdown/table_blanking.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "base/text.hpp"

namespace mdrisk {
namespace {

// A line whose first non-space character, after at most three spaces (no
// tabs: they could make an indented code block), is '|'.
bool starts_with_pipe(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return i < line.size() && line[i] == '|';
}

// Only '|', '-', ':' and blanks, with a '-': possibly a delimiter row, which
// decides whether there is a table at all, so it is never touched.
bool maybe_delimiter_row(std::string_view line) {
  bool dash = false;
  for (const char c : line) {
    if (c == '-') {
      dash = true;
    } else if (c != '|' && c != ':' && c != ' ' && c != '\t' && c != '\r') {
      return false;
    }
  }
  return dash;
}

// `## <text>` (ATX level 2, at most three spaces of indentation) whose text
// normalises like `want`.
bool is_table_heading(std::string_view line, const std::string& want) {
  const std::optional<AtxLine> h = scan_atx_line(line);
  return h && h->level == 2 && text::normalize_name(h->text(line)) == want;
}

// Everything up to the last unescaped pipe: cells between pipes. What
// follows the last pipe stays as written: cmark-gfm's splitter takes a pipe
// together with the blanks after it, so a trailing cell without a closing
// pipe ("| a | b") would vanish if it became blanks (found by fuzz P8).
void blank_line(std::string_view line, std::string& out) {
  // The line is copied whole and its cells overwritten in place: a Summary
  // Table is most of a register's bytes, and appending it byte by byte was
  // most of the cost of blanking.
  const std::size_t at = out.size();
  out += line;
  char* p = out.data() + at;
  if (std::memchr(line.data(), '\\', line.size()) == nullptr) {
    // No escape (most rows): the last pipe is the last '|', near the end,
    // and every other byte before it becomes a space.
    const std::size_t last_pipe = line.rfind('|');
    const std::size_t blank_end = last_pipe == std::string_view::npos ? 0 : last_pipe;
    for (std::size_t i = 0; i < blank_end; ++i) p[i] = p[i] == '|' ? '|' : ' ';
    return;
  }
  std::size_t last_pipe = std::string_view::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      last_pipe = i;
    }
  }
  const std::size_t blank_end = last_pipe == std::string_view::npos ? 0 : last_pipe;
  for (std::size_t i = 0; i < blank_end; ++i) {
    if (p[i] == '\\' && i + 1 < line.size()) {
      ++i;  // an escape stays an escape
    } else if (p[i] != '|') {
      p[i] = ' ';
    }
  }
}

}  // namespace

std::optional<BlankedRows> blank_summary_table(const SourceFile& src, const Schema& schema) {
  const std::string want = text::normalize_name(schema.table_heading);
  const std::size_t lines = src.line_count();
  std::size_t line = 1;
  while (line <= lines && !is_table_heading(src.line_text(line), want)) ++line;
  if (line > lines) return std::nullopt;
  ++line;
  while (line <= lines && src.line_is_blank(line)) ++line;
  const std::size_t first = line;
  while (line <= lines && starts_with_pipe(src.line_text(line))) ++line;
  if (line - first < 2) return std::nullopt;
  BlankedRows rows;
  rows.first_line = first;
  rows.last_line = line - 1;
  const std::size_t begin = src.line_start(first);
  const std::size_t end = src.line_end_with_eol(rows.last_line);
  rows.body_offset = begin - src.bom_size();
  rows.bytes.reserve(end - begin);
  for (std::size_t l = first; l <= rows.last_line; ++l) {
    const std::string_view with_eol =
        std::string_view(src.bytes()).substr(src.line_start(l), src.line_end_with_eol(l) - src.line_start(l));
    if (maybe_delimiter_row(src.line_text(l))) {
      rows.bytes += with_eol;
    } else {
      blank_line(with_eol, rows.bytes);
    }
  }
  return rows;
}

}  // namespace mdrisk
