// The full text format: each finding's concise line (as format_concise), then
// the source line with the span underlined, related places and the fix,
// like a compiler's caret diagnostics. The underline is placed by display
// width so it lines up under wide and combining characters.
#include <fmt/format.h>

#include <algorithm>

#include "mdrisk/output.hpp"
#include "base/text.hpp"

namespace mdrisk {
namespace {

struct Palette {
  const char* bold = "";
  const char* red = "";
  const char* yellow = "";
  const char* cyan = "";
  const char* blue = "";
  const char* reset = "";
};

Palette palette(const TextStyle& style) {
  if (!style.color) return {};
  return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[36m", "\x1b[1;34m", "\x1b[0m"};
}

// Tabs become spaces so that the underline, computed by width, lines up.
std::string expand_tabs(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\t') out += "    ";
    else out += c;
  }
  return out;
}

void snippet(std::string& out, const SourceFile& src, ByteRange range, const Palette& p, const char* colour) {
  const std::size_t line = src.line_of(range.begin);
  const std::size_t start = src.line_start(line);  // after the BOM on line 1
  const std::size_t end = src.line_end(line);
  const std::string_view bytes = src.bytes();
  const std::size_t begin = std::clamp(range.begin, start, end);
  // Underline up to the end of the range or of its first line; at least one caret.
  const std::size_t stop = std::clamp(range.end, begin, end);
  const std::string before = expand_tabs(bytes.substr(start, begin - start));
  const std::string marked = expand_tabs(bytes.substr(begin, stop - begin));
  const std::string gutter(fmt::formatted_size("{}", line), ' ');
  const std::size_t pad = text::display_width(before);
  const std::size_t carets = std::max<std::size_t>(1, text::display_width(marked));
  fmt::format_to(std::back_inserter(out), "{}{} |{}\n", p.blue, gutter, p.reset);
  fmt::format_to(std::back_inserter(out), "{}{} |{} {}\n", p.blue, line, p.reset,
                 expand_tabs(bytes.substr(start, end - start)));
  fmt::format_to(std::back_inserter(out), "{}{} |{} {}{}{}{}\n", p.blue, gutter, p.reset, std::string(pad, ' '),
                 colour, std::string(carets, '^'), p.reset);
}

}  // namespace

std::string format_text(const FileReport& report, const TextStyle& style) {
  const Palette p = palette(style);
  const SourceFile& src = *report.source;
  std::string out;
  for (const Diagnostic& d : report.diagnostics) {
    const Position pos = src.position_of(d.range.begin);
    const bool error = d.severity == Severity::Error;
    const char* colour = error ? p.red : p.yellow;
    fmt::format_to(std::back_inserter(out), "{}{}:{}:{}:{} {}{}:{} {}{} [{}]{}\n", p.bold, printable_name(src.name()), pos.line,
                   pos.column, p.reset, colour, severity_name(d.severity), p.reset, p.bold, d.message, d.code,
                   p.reset);
    if (src.line_count() > 0) snippet(out, src, d.range, p, colour);
    // Notes line up under the snippet's gutter (wider from line 10 on).
    const std::string indent(fmt::formatted_size("{}", pos.line) + 1, ' ');
    for (const RelatedLocation& r : d.related) {
      const Position rp = src.position_of(r.range.begin);
      fmt::format_to(std::back_inserter(out), "{}{}= note:{} {}:{}:{}: {}\n", indent, p.cyan, p.reset, printable_name(src.name()), rp.line,
                     rp.column, r.message);
    }
    if (d.fix && !d.fix->title.empty()) {
      const char* how = d.fix->applicability == Applicability::Safe     ? ""
                        : d.fix->applicability == Applicability::Unsafe ? " (unsafe: --unsafe-fixes)"
                                                                        : " (not applied automatically)";
      fmt::format_to(std::back_inserter(out), "{}{}= help:{} {}{}\n", indent, p.cyan, p.reset, d.fix->title, how);
    }
    out += "\n";
  }
  return out;
}

}  // namespace mdrisk
