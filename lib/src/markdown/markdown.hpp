#pragma once
// The only place that talks to cmark-gfm. It hides the library's global
// state (extension registration, the special-character table flipped by
// cmark_parser_finish) behind a once-flag and a mutex so callers may parse
// from many threads.
#include <cmark-gfm.h>

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "markdown/cmark_arena.hpp"
#include "markdown/document_parts.hpp"

namespace mdrisk {

// The parsed cmark tree of one document body (the bytes after any BOM). The
// tree lives in the document's own arena and goes with it in one step.
class ParsedDocument {
 public:
  // `memory`: an arena to reuse (see recycle), or nullptr for a new one.
  // `replace`: bytes cmark reads instead of those of `body` at
  // `replace_at` (same length; see table_blanking.hpp).
  // `parts`: where to cut the body (document_parts); each part is parsed on
  // its own and its top-level blocks appended to the root, after which
  // `on_part` gets the part's first top-level node (the rest follow it to
  // the end of the root's children) and the lines before the part, which
  // cmark's line numbers inside it leave out. Runs in the document's scope.
  // `keep_tree` false: each part's tree is dropped once `on_part` returns
  // and its memory reused for the next part (still in cache, no new page
  // faults); root() is then nullptr and no node may be kept.
  using PartSink = std::function<void(cmark_node* first, std::size_t line_base)>;
  static std::shared_ptr<ParsedDocument> parse(std::string_view body, std::unique_ptr<CmarkArena> memory = nullptr,
                                               std::string_view replace = {}, std::size_t replace_at = 0,
                                               std::span<const PartStart> parts = {}, const PartSink& on_part = {},
                                               bool keep_tree = true);
  // The memory of a document nobody else holds, emptied for the next parse;
  // nullptr when `doc` is still shared (it is then simply released).
  static std::unique_ptr<CmarkArena> recycle(std::shared_ptr<const ParsedDocument>&& doc);
  cmark_node* root() const { return root_; }
  // Hold one while calling cmark on this tree (getters allocate too).
  [[nodiscard]] ArenaScope scope() const { return ArenaScope(arena_.get()); }
  // HTML of one node and its children, with the same extensions as the parse.
  std::string render_html(cmark_node* node) const;
  // The same, appended to `out`.
  void append_html(cmark_node* node, std::string& out) const;

 private:
  std::unique_ptr<CmarkArena> arena_;
  cmark_node* root_ = nullptr;
};

// ParsedDocument::append_html for a caller already in the node's document
// scope (while parsing, say).
void append_node_html(cmark_node* node, std::string& out);

bool is_table(cmark_node* n);
bool is_table_row(cmark_node* n);
bool is_table_cell(cmark_node* n);

}  // namespace mdrisk
