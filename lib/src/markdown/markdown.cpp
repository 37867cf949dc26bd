#include "markdown/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <cstdlib>
#include <mutex>

#include "markdown/input_guard.hpp"
#include "mdrisk/error.hpp"

// Exported by libcmark-gfm-extensions without a declaration in its headers.
extern "C" {
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
}

namespace mdrisk {
namespace {

constexpr int kParseOptions = CMARK_OPT_SOURCEPOS;
// No "autolink" and no "strikethrough": they only change inline text (bare
// URLs into links, ~~x~~ into <del>), which no model field and no fix
// depends on (labels are read from the first STRONG node, structure from
// blocks), and the verification compares renderings made with the same
// extensions before and after. autolink's post-pass re-walks every text
// node (a quarter of the parse on large trackers); both register special
// inline characters, which forces the lock below onto every parse.
constexpr const char* kExtensions[] = {"table", "tasklist"};

// Extensions with special inline characters: cmark_parser_finish adds
// those to a process-wide table and removes them when done, so two
// finishing parsers with one attached corrupt each other's trees.
constexpr bool has_special_inline_chars(std::string_view name) {
  return name == "strikethrough" || name == "autolink";
}
constexpr bool kFinishTouchesGlobals = [] {
  for (std::string_view name : kExtensions) {
    if (has_special_inline_chars(name)) return true;
  }
  return false;
}();

std::once_flag g_register_once;
// Serialises cmark_parser_finish (and rendering) only while an extension
// with special inline characters is attached: with -j that lock covered
// inline parsing, most of the CPU of a run.
std::mutex g_finish_mutex;

std::unique_lock<std::mutex> finish_lock() {
  std::unique_lock<std::mutex> lock(g_finish_mutex, std::defer_lock);
  if (kFinishTouchesGlobals) lock.lock();
  return lock;
}

void ensure_registered() {
  std::call_once(g_register_once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

// The extensions handed to the HTML renderer, built once: each lookup is a
// linear search with strcmp, and verification renders node by node.
cmark_llist* render_extensions() {
  static cmark_llist* const list = [] {
    cmark_llist* l = nullptr;
    for (const char* name : kExtensions) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
        l = cmark_llist_append(cmark_get_default_mem_allocator(), l, ext);
      }
    }
    return l;
  }();
  return list;
}

}  // namespace

std::unique_ptr<CmarkArena> ParsedDocument::recycle(std::shared_ptr<const ParsedDocument>&& doc) {
  std::shared_ptr<const ParsedDocument> held = std::move(doc);
  if (!held || held.use_count() != 1) return nullptr;
  // The last reference: nothing can read the tree any more.
  std::unique_ptr<CmarkArena> arena = std::move(const_cast<ParsedDocument&>(*held).arena_);
  if (arena) arena->reset();
  return arena;
}

std::shared_ptr<ParsedDocument> ParsedDocument::parse(std::string_view body, std::unique_ptr<CmarkArena> memory,
                                                      std::string_view replace, std::size_t replace_at,
                                                      std::span<const PartStart> parts, const PartSink& on_part,
                                                      bool keep_tree) {
  // Before anything reaches cmark: the bytes exactly as it would read them.
  if (auto refusal = scan_input(body, replace, replace_at)) {
    throw InputRefused(Error{ErrorKind::InvalidInput, refusal->message()});
  }
  ensure_registered();
  auto doc = std::make_shared<ParsedDocument>();
  doc->arena_ = memory ? std::move(memory) : std::make_unique<CmarkArena>();
  const ArenaScope scope = doc->scope();
  if (replace.empty() || replace_at + replace.size() > body.size()) replace = {};
  const std::size_t replace_end = replace_at + replace.size();

  // Bytes [begin, end) of the body as cmark should read them: `replace`
  // over its range. cmark takes a document in pieces and joins lines
  // across them.
  const auto parse_range = [&](std::size_t begin, std::size_t end) {
    std::unique_ptr<cmark_parser, ParserDeleter> parser(
        cmark_parser_new_with_mem(kParseOptions, CmarkArena::allocator()));
    for (const char* name : kExtensions) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser.get(), ext);
      }
    }
    const auto feed = [&](const char* from, std::size_t b, std::size_t e) {
      if (b < e) cmark_parser_feed(parser.get(), from + b, e - b);
    };
    if (replace.empty() || end <= replace_at || begin >= replace_end) {
      feed(body.data(), begin, end);
    } else {
      feed(body.data(), begin, std::min(end, replace_at));
      const std::size_t b = std::max(begin, replace_at), e = std::min(end, replace_end);
      feed(replace.data(), b - replace_at, e - replace_at);
      feed(body.data(), std::max(begin, replace_end), end);
    }
    const auto lock = finish_lock();
    return cmark_parser_finish(parser.get());
  };

  static constexpr PartStart kWhole[] = {PartStart{0, 0}};
  if (parts.empty()) parts = kWhole;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const std::size_t begin = parts[k].offset;
    bool last = k + 1 == parts.size();
    cmark_node* part = parse_range(begin, last ? body.size() : parts[k + 1].offset);
    if (!last) {
      // A fenced code or HTML block that ends the part may be one left open
      // (cmark does not say): in the whole document it would run on into
      // the next part. Parse the rest whole instead.
      cmark_node* end_block = cmark_node_last_child(part);
      const cmark_node_type type = end_block ? cmark_node_get_type(end_block) : CMARK_NODE_NONE;
      if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK) {
        cmark_node_free(part);
        part = parse_range(begin, body.size());
        last = true;
      }
    }
    cmark_node* first = cmark_node_first_child(part);
    if (!keep_tree) {
      if (on_part && first) on_part(first, parts[k].line_base);
      doc->arena_->reset();  // the part's tree, parser and all
      if (last) break;
      continue;
    }
    if (k == 0) {
      doc->root_ = part;
    } else {
      while (cmark_node* child = cmark_node_first_child(part)) cmark_node_append_child(doc->root_, child);
      cmark_node_free(part);
    }
    if (on_part && first) on_part(first, parts[k].line_base);
    if (last) break;
  }
  return doc;
}

std::string ParsedDocument::render_html(cmark_node* node) const {
  std::string out;
  append_html(node, out);
  return out;
}

void ParsedDocument::append_html(cmark_node* node, std::string& out) const {
  const ArenaScope scope = this->scope();
  append_node_html(node, out);
}

void append_node_html(cmark_node* node, std::string& out) {
  cmark_llist* exts = render_extensions();
  char* html = nullptr;
  {
    // Rendering also consults extension state; keep it off the parse path.
    const auto lock = finish_lock();
    // UNSAFE: render raw HTML as written, so a change inside an HTML block
    // is a change the verifier sees (the safe mode prints a placeholder).
    // The text itself comes from the heap: the arena keeps what it hands
    // out until the document goes, and verification renders every block.
    html = cmark_render_html_with_mem(node, CMARK_OPT_UNSAFE, exts, cmark_get_default_mem_allocator());
  }
  if (html) out += html;
  std::free(html);
}

bool is_table(cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_TABLE; }
bool is_table_row(cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_TABLE_ROW; }
bool is_table_cell(cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_TABLE_CELL; }

}  // namespace mdrisk
