#pragma once
// The only place that talks to cmark-gfm. It hides the library's global
// state (extension registration, the special-character table flipped by
// cmark_parser_finish) behind a once-flag and a mutex so callers may parse
// from many threads.
#include <cmark-gfm.h>

#include <memory>
#include <string>
#include <string_view>

namespace mdrisk {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

// The parsed cmark tree of one document body (the bytes after any BOM).
class ParsedDocument {
 public:
  static std::shared_ptr<ParsedDocument> parse(std::string_view body);
  cmark_node* root() const { return root_.get(); }
  // HTML of one node and its children, with the same extensions as the parse.
  std::string render_html(cmark_node* node) const;

 private:
  NodePtr root_;
};

bool is_table(cmark_node* n);
bool is_table_row(cmark_node* n);
bool is_table_cell(cmark_node* n);

}  // namespace mdrisk
