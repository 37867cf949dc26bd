#include "markdown/input_guard.hpp"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mdrisk {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_punct(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 33 && u <= 47) || (u >= 58 && u <= 64) || (u >= 91 && u <= 96) || (u >= 123 && u <= 126);
}

// The bytes the per-line count looks at; everything else is skipped in one test.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'\\', '*', '_', '[', '<', '|'}) t[c] = true;
  return t;
}();

// The first byte at or after `k` in p[0, n) that kSpecial marks, or n.
// Most bytes of a register are none of them: sixteen at a time, where the
// machine has SSE2 (every x86-64), the guard's scan of each parse costs a
// fraction of what one table lookup per byte did.
inline std::size_t next_special(const char* p, std::size_t k, std::size_t n) {
#if defined(__SSE2__)
  const __m128i backslash = _mm_set1_epi8('\\'), star = _mm_set1_epi8('*'), underscore = _mm_set1_epi8('_');
  const __m128i bracket = _mm_set1_epi8('['), angle = _mm_set1_epi8('<'), pipe = _mm_set1_epi8('|');
  for (; k + 16 <= n; k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, star)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, underscore), _mm_cmpeq_epi8(v, bracket))),
        _mm_or_si128(_mm_cmpeq_epi8(v, angle), _mm_cmpeq_epi8(v, pipe)));
    if (const int mask = _mm_movemask_epi8(hit)) return k + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  while (k < n && !kSpecial[static_cast<unsigned char>(p[k])]) ++k;
  return k;
}

// `[|]? marker ([|] marker)* [|]? spaces`, marker = `spaces :? -+ :? spaces`
// (cmark-gfm's scan_table_start), with at least one pipe. Returns the
// number of markers (columns), 0 when it is not such a row.
std::size_t delimiter_row_columns(std::string_view s) {
  std::size_t i = 0, columns = 0;
  bool pipe = false;
  const auto spaces = [&] {
    while (i < s.size() && (is_space(s[i]) || s[i] == '\v' || s[i] == '\f')) ++i;
  };
  if (i < s.size() && s[i] == '|') {
    pipe = true;
    ++i;
  }
  while (true) {
    spaces();
    if (i < s.size() && s[i] == ':') ++i;
    const std::size_t dashes = i;
    while (i < s.size() && s[i] == '-') ++i;
    if (i == dashes) break;
    if (i < s.size() && s[i] == ':') ++i;
    spaces();
    ++columns;
    if (i < s.size() && s[i] == '|') {
      pipe = true;
      ++i;
      continue;
    }
    break;
  }
  spaces();
  return pipe && i == s.size() ? columns : 0;
}

// Cells of a row as cmark-gfm's row splitter counts them: `separators`
// pipes not after a backslash, less a leading pipe and a trailing one
// (followed by blanks only).
std::size_t cell_count(std::string_view s, std::size_t separators) {
  if (separators == 0) return s.empty() ? 0 : 1;
  std::size_t cells = separators + 1;
  if (s.front() == '|') --cells;
  std::size_t end = s.size();
  while (end > 0 && (is_space(s[end - 1]) || s[end - 1] == '\v' || s[end - 1] == '\f')) --end;
  if (end > 1 && s[end - 1] == '|' && s[end - 2] != '\\') --cells;
  return cells;
}

// `#` to `######` then a blank or the end.
bool is_atx_heading(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && n < 7 && s[n] == '#') ++n;
  return n >= 1 && n <= 6 && (n == s.size() || is_space(s[n]));
}

class Scanner {
 public:
  explicit Scanner(const GuardLimits& limits) : lim_(limits) {}

  // One line without its ending; `lf_line` its number.
  void line(std::string_view l, std::size_t lf_line) {
    if (refusal_) return;
    line_no_ = lf_line;
    bytes_seen_ += l.size() + 1;
    paragraph_bytes_ += l.size() + 1;
    // The container prefix: indentation, `>` and list markers.
    std::size_t i = 0, col = 0, lead = 0, quotes = 0, markers = 0;
    bool first = true, first_marker_interrupts = false;
    while (true) {
      while (i < l.size() && is_space(l[i])) {
        col = l[i] == '\t' ? (col / 4 + 1) * 4 : col + 1;
        ++i;
      }
      if (first) {
        lead = col;
        first = false;
      }
      if (quotes + markers > lim_.max_nesting) return refuse_nesting();
      if (i >= l.size()) break;
      const char c = l[i];
      if (c == '>') {
        ++quotes;
        ++i;
        ++col;
        continue;
      }
      if ((c == '-' || c == '+' || c == '*') && (i + 1 == l.size() || is_space(l[i + 1]))) {
        if (markers++ == 0) first_marker_interrupts = true;
        ++i;
        ++col;
        continue;
      }
      std::size_t j = i;
      while (j < l.size() && j - i < 9 && is_digit(l[j])) ++j;
      if (j > i && j < l.size() && (l[j] == '.' || l[j] == ')') && (j + 1 == l.size() || is_space(l[j + 1]))) {
        if (markers++ == 0) first_marker_interrupts = j - i == 1 && l[i] == '1';
        col += j + 1 - i;
        i = j + 1;
        continue;
      }
      break;
    }
    const std::string_view content = l.substr(i);
    const bool blank = content.empty() && markers == 0;  // only blanks, or only `>`s
    // Indentation only counts on a line with something after it.
    if (!content.empty() && quotes + markers + lead / 2 > lim_.max_nesting) return refuse_nesting();
    if (blank) {
      end_paragraph();
      end_table();
      rows_ = false;
      prev_nonblank_ = false;
      after_blank_ = true;
      return;
    }
    // A line that certainly starts a new block even inside a paragraph: an
    // ATX heading, or a list item cmark lets interrupt one (a bullet with
    // content, an ordered item numbered 1). Anything less certain stays in
    // the paragraph, so the count can only be too high, never too low.
    const bool certain = lead <= 3 && (markers == 0 || first_marker_interrupts);
    const bool heading = certain && markers == 0 && is_atx_heading(content);
    if (certain && ((markers > 0 && !content.empty()) || heading)) end_paragraph();
    if (lead <= 3 && (markers > 0 || (quotes == 0 && is_atx_heading(content)))) end_table();

    // Rows of a table cmark certainly opened are inline-parsed cell by
    // cell: each row starts a new count (a row holds its cells).
    if (rows_) {
      if (row_like(content, quotes, markers, lead)) {
        end_paragraph();
      } else {
        rows_ = false;
      }
    }
    std::size_t pipes = 0;
    const char* p = content.data();
    const std::size_t n = content.size();
    for (std::size_t k = next_special(p, 0, n); k < n; k = next_special(p, k + 1, n)) {
      const char c = p[k];
      switch (c) {
        case '\\':
          if (k + 1 < n && is_punct(p[k + 1])) ++k;
          break;
        case '*':
        case '_':
          if (k == 0 || p[k - 1] != c) ++emphasis_;
          break;
        case '[':
          ++brackets_;
          if (k > 0 && p[k - 1] == '!') ++images_;
          break;
        case '<':
          if (k + 1 < n && (p[k + 1] == '!' || p[k + 1] == '?')) ++html_;
          break;
        case '|':
          // cmark-gfm's cell scanner takes a pipe after any backslash into the cell.
          if (k == 0 || p[k - 1] != '\\') ++pipes;
          break;
        default: break;
      }
    }
    const std::size_t cells = cell_count(content, pipes);
    const std::size_t m = lim_.max_openers;
    const auto ms = [m] { return std::to_string(m); };  // only when refusing
    if (emphasis_ > m) return refuse("more than " + ms() + " emphasis delimiters ('*', '_') in one paragraph");
    if (images_ > m) return refuse("more than " + ms() + " image openers ('![') in one paragraph");
    if (brackets_ > lim_.max_brackets) {
      return refuse("more than " + std::to_string(lim_.max_brackets) + " link openers ('[') in one paragraph");
    }
    if (html_ > m) return refuse("more than " + ms() + " HTML openers ('<!', '<?') in one paragraph");
    if (cells > lim_.max_cells_per_line) {
      return refuse("a table row of more than " + std::to_string(lim_.max_cells_per_line) + " cells");
    }

    const std::size_t columns = pipes > 0 && markers == 0 ? delimiter_row_columns(content) : 0;
    // A table cmark certainly opens here: the header line came right after
    // a blank line (so it is the first line of a paragraph, never a lazy
    // continuation of one), both lines sit in the same containers (the same
    // `>`s, no list marker, at most three spaces), the header starts no
    // other block, and it has as many cells as this row has columns.
    if (columns > 0 && !rows_ && prev_nonblank_ && head_.after_blank && head_.quotes == quotes &&
        head_.plain && lead <= 3 && head_.cells == columns) {
      rows_ = true;
      rows_quotes_ = quotes;
      end_paragraph();
    }
    if (columns > 0 && prev_nonblank_ && !rows_) {
      // cmark-gfm re-reads the whole paragraph above each such row to look
      // for a header (splitting every line of it into cells); once a table
      // is open, rows are just rows. What it re-reads is kept within a
      // multiple of what has been read so far, so the total stays linear.
      rescanned_ += paragraph_bytes_;
      if (rescanned_ > 64 * bytes_seen_ + (std::size_t{1} << 20)) {
        return refuse("table delimiter rows under a long paragraph (each re-reads the paragraph above it)");
      }
    }
    if (columns > 0 && prev_nonblank_) {
      if (++delimiter_rows_ > m) return refuse("more than " + ms() + " table delimiter rows in one paragraph");
      if (!in_table_) {
        in_table_ = true;
        table_columns_ = columns;
        table_rows_ = 0;
        table_bytes_ = prev_length_ + 1;
        table_line_ = prev_line_;
      }
    }
    if (in_table_) {
      ++table_rows_;
      table_bytes_ += l.size() + 1;
      // Every row gets one node per column, however short it is written.
      if (table_columns_ * table_rows_ > table_bytes_ + lim_.table_cells_slack) {
        return refuse("a table of " + std::to_string(table_columns_) + " columns (from line " +
                      std::to_string(table_line_) + ") with more cells than bytes, by more than " +
                      std::to_string(lim_.table_cells_slack));
      }
    }
    head_ = Head{after_blank_, quotes, cells,
                 markers == 0 && lead <= 3 && !content.empty() && std::string_view("#<`~>").find(content[0]) == std::string_view::npos};
    after_blank_ = false;
    prev_nonblank_ = true;
    prev_length_ = l.size();
    prev_line_ = lf_line;
  }

  std::optional<GuardRefusal>& result() { return refusal_; }
  bool refused() const { return refusal_.has_value(); }

 private:
  void end_paragraph() { emphasis_ = brackets_ = images_ = html_ = delimiter_rows_ = paragraph_bytes_ = 0; }
  void end_table() { in_table_ = false; }
  void refuse(std::string what) { refusal_ = GuardRefusal{line_no_, std::move(what)}; }
  void refuse_nesting() {
    refuse("block quotes and list items nested more than " + std::to_string(lim_.max_nesting) + " deep");
  }

  // A line that certainly continues the open table as a row: same
  // containers, no block start of any kind, a cell separator, and no '>'
  // (which could end an HTML block the "table" might really be inside).
  bool row_like(std::string_view content, std::size_t quotes, std::size_t markers, std::size_t lead) const {
    if (quotes != rows_quotes_ || markers != 0 || lead > 3 || content.empty()) return false;
    if (std::string_view("#<`~*-_+=").find(content[0]) != std::string_view::npos || is_digit(content[0])) return false;
    if (content.find('>') != std::string_view::npos) return false;
    for (std::size_t k = 0; k < content.size(); ++k) {
      if (content[k] == '|' && (k == 0 || content[k - 1] != '\\')) return true;
    }
    return false;
  }

  // The previous line, as a possible table header.
  struct Head {
    bool after_blank = false;
    std::size_t quotes = 0, cells = 0;
    bool plain = false;  // no list marker, at most three spaces, starts no other block
  };

  const GuardLimits& lim_;
  Head head_;
  bool after_blank_ = true;  // the start of the document counts as after a blank line
  bool rows_ = false;
  std::size_t rows_quotes_ = 0;
  std::optional<GuardRefusal> refusal_;
  std::size_t line_no_ = 1;
  std::size_t emphasis_ = 0, brackets_ = 0, images_ = 0, html_ = 0, delimiter_rows_ = 0;
  bool prev_nonblank_ = false;
  std::size_t bytes_seen_ = 0, paragraph_bytes_ = 0, rescanned_ = 0;
  std::size_t prev_length_ = 0, prev_line_ = 0;
  bool in_table_ = false;
  std::size_t table_columns_ = 0, table_rows_ = 0, table_bytes_ = 0, table_line_ = 0;
};

// Splits a byte stream given in pieces into lines ending in LF, CRLF or a
// lone CR (cmark ends lines at all three); a line cut by a piece boundary
// is joined in `carry_`.
class LineSplitter {
 public:
  explicit LineSplitter(Scanner& s) : s_(s) {}

  void feed(std::string_view piece) {
    while (!piece.empty() && !s_.refused()) {
      if (!carry_.empty()) {
        // Finish the carried line with this piece's first line.
        const std::size_t end = line_end(piece, 0);
        if (end == std::string_view::npos) {
          carry_.append(piece);
          return;
        }
        const std::size_t next = after_ending(piece, end);
        carry_.append(piece.substr(0, next));
        piece.remove_prefix(next);
        std::string joined = std::move(carry_);
        carry_.clear();
        split(joined, /*last=*/true);
        continue;
      }
      const std::size_t consumed = split(piece, false);
      carry_.assign(piece.substr(consumed));
      return;
    }
  }

  void finish() {
    if (!carry_.empty()) split(carry_, true);
    carry_.clear();
  }

 private:
  // First line end at or after `from`: the position of its '\n' or '\r'.
  static std::size_t line_end(std::string_view s, std::size_t from) {
    const char* base = s.data();
    const void* nl = std::memchr(base + from, '\n', s.size() - from);
    const std::size_t lf = nl ? static_cast<const char*>(nl) - base : s.size();
    const void* cr = std::memchr(base + from, '\r', lf - from);
    if (cr) return static_cast<const char*>(cr) - base;
    return nl ? lf : std::string_view::npos;
  }
  // Past the ending that starts at `end` (CRLF is one ending); a CR at the
  // very end of a piece may be the first half of a CRLF: npos-safe size.
  static std::size_t after_ending(std::string_view s, std::size_t end) {
    if (s[end] == '\r' && end + 1 < s.size() && s[end + 1] == '\n') return end + 2;
    return end + 1;
  }

  // Scans the complete lines of `s`; returns how many bytes they took. With
  // `last`, what remains is a line too.
  std::size_t split(std::string_view s, bool last) {
    std::size_t pos = 0;
    while (pos < s.size() && !s_.refused()) {
      const std::size_t end = line_end(s, pos);
      if (end == std::string_view::npos) {
        if (!last) return pos;
        s_.line(s.substr(pos), lf_line_);
        return s.size();
      }
      if (!last && s[end] == '\r' && end + 1 == s.size()) return pos;  // a CRLF may be cut here
      s_.line(s.substr(pos, end - pos), lf_line_);
      const std::size_t next = after_ending(s, end);
      ++lf_line_;
      pos = next;
    }
    return pos;
  }

  Scanner& s_;
  std::string carry_;
  std::size_t lf_line_ = 1;
};

}  // namespace

std::string GuardRefusal::message() const {
  return "line " + std::to_string(line) + ": refused: " + construct +
         " (input that would make the Markdown parser slow; see docs/RELIABILITY.md)";
}

std::optional<GuardRefusal> scan_input(std::string_view body, std::string_view replace, std::size_t replace_at,
                                       const GuardLimits& limits) {
  Scanner scanner(limits);
  LineSplitter lines(scanner);
  if (replace.empty() || replace_at + replace.size() > body.size()) {
    lines.feed(body);
  } else {
    lines.feed(body.substr(0, replace_at));
    lines.feed(replace);
    lines.feed(body.substr(replace_at + replace.size()));
  }
  lines.finish();
  return std::move(scanner.result());
}

}  // namespace mdrisk
