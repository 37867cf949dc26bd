// GitHub Actions workflow commands, one per finding:
//   ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::MESSAGE
// The runner splits properties on ',' and the command on '::', so property
// values escape '%', CR, LF, ':' and ','; the message escapes '%', CR and LF.
#include <fmt/format.h>

#include "mdrisk/output.hpp"

namespace mdrisk {
namespace {

std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string format_github(const std::vector<FileReport>& reports) {
  std::string out;
  for (const FileReport& report : reports) {
    const SourceFile& src = *report.source;
    for (const Diagnostic& d : report.diagnostics) {
      const Position b = src.position_of(d.range.begin);
      const Position e = src.position_of(d.range.end);
      fmt::format_to(std::back_inserter(out), "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                     severity_name(d.severity), escape_property(printable_name(src.name())), b.line,
                     b.column, e.line, e.column, escape_property(d.code), escape_data(d.message));
    }
  }
  return out;
}

}  // namespace mdrisk
