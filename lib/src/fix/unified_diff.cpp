#include <dtl/dtl.hpp>

#include <sstream>
#include <vector>

#include "mdrisk/diff.hpp"

namespace mdrisk {
namespace {

// Lines keep their terminators so a CRLF or a missing final newline shows up
// in the diff instead of vanishing.
std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(s.substr(start) + "\n\\ No newline at end of file");
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace

std::string unified_diff(const std::string& name, const std::string& before, const std::string& after) {
  if (before == after) return {};
  std::vector<std::string> a = split_lines(before), b = split_lines(after);
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.onHuge();
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream out;
  out << "--- a/" << name << "\n+++ b/" << name << "\n";
  diff.printUnifiedFormat(out);
  return out.str();
}

}  // namespace mdrisk
