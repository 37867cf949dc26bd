#include "model/insertion.hpp"

#include <cmark-gfm.h>

#include <string>

#include "markdown/markdown.hpp"

namespace mdrisk {

// The stub starts with a blank line and an ATX heading, which begins a new
// block anywhere except inside a fenced code block or an HTML block left open
// to the end of the document. Only an insertion point followed by nothing but
// whitespace can be inside one; there, parse the entries from the last
// entry's heading on with a probe heading appended. A stub that would not
// come out as a top-level `###` never creates the entry: the fix loop would
// insert it again and again and never converge.
bool stub_lands(const Tracker& t, const SourceFile& src, std::size_t insert_at, std::string_view eol) {
  const std::string& b = src.bytes();
  if (b.find_first_not_of(" \t\r\n", insert_at) != std::string::npos) return true;
  std::size_t from = t.entries_heading->range.begin;
  for (const Entry& e : t.entries) {
    if (e.range.begin <= insert_at) from = std::max(from, e.range.begin);
  }
  std::string probe = b.substr(from, insert_at - from);
  probe.append(eol).append(eol).append("### probe").append(eol);
  const auto doc = ParsedDocument::parse(probe);
  const ArenaScope scope = doc->scope();
  cmark_node* last = cmark_node_last_child(doc->root());
  return last && cmark_node_get_type(last) == CMARK_NODE_HEADING && cmark_node_get_heading_level(last) == 3;
}

}  // namespace mdrisk
