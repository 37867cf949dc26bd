#include "content_signature.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <iterator>

#include "markdown.hpp"
#include "rules/helpers.hpp"
#include "text.hpp"

namespace mdrisk {
namespace {

cmark_node* as_node(const void* p) { return static_cast<cmark_node*>(const_cast<void*>(p)); }

// mdrisk's own suppression comments may be removed by MR501's fix.
// Rendered HTML with mdrisk comments (and the spaces before them) erased.
std::string without_directives(std::string html) {
  static constexpr std::string_view kOpen = "<!-- mdrisk-", kClose = "-->";
  std::size_t pos = 0;
  while ((pos = html.find(kOpen, pos)) != std::string::npos) {
    const std::size_t close = html.find(kClose, pos);
    if (close == std::string::npos) break;
    std::size_t begin = pos;
    while (begin > 0 && (html[begin - 1] == ' ' || html[begin - 1] == '\t')) --begin;
    html.erase(begin, close + kClose.size() - begin);
    pos = begin;
  }
  return html;
}

bool is_directive(cmark_node* n) {
  const cmark_node_type t = cmark_node_get_type(n);
  if (t != CMARK_NODE_HTML_BLOCK && t != CMARK_NODE_HTML_INLINE) return false;
  const char* lit = cmark_node_get_literal(n);
  if (!lit) return false;
  std::string_view s(lit);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s.substr(0, 12) == "<!-- mdrisk-";
}

// Inline HTML of a paragraph with its leading label (strong node and the
// colon after it) left out. Inline nodes are rendered one by one so list
// tightness, which changes when items are re-nested, does not matter.
std::string paragraph_text(const ParsedDocument& doc, cmark_node* para, bool has_label) {
  std::string out;
  cmark_node* child = cmark_node_first_child(para);
  if (has_label && child && cmark_node_get_type(child) == CMARK_NODE_STRONG) {
    child = cmark_node_next(child);
    if (child && cmark_node_get_type(child) == CMARK_NODE_TEXT) {
      const char* literal = cmark_node_get_literal(child);
      const std::string_view lit = literal ? literal : "";
      std::size_t i = 0;
      if (i < lit.size() && lit[i] == ':') ++i;
      while (i < lit.size() && lit[i] == ' ') ++i;
      out += lit.substr(i);
      child = cmark_node_next(child);
    }
  }
  for (; child; child = cmark_node_next(child)) out += doc.render_html(child);
  return without_directives(std::move(out));
}

// Fragments of one list item: its first paragraph (label left out at the top
// level), then each nested item in turn, then any other block. Nested lists
// are walked through cmark's nodes rather than the model (which stops two
// levels down), so re-nesting an item one level deeper changes no fragment;
// past kMaxListDepth a list is compared as rendered HTML, bounding recursion.
constexpr int kMaxListDepth = 32;

void item_fragments(const ParsedDocument& doc, cmark_node* node, bool strip_label, const std::string& role,
                    std::vector<std::string>& out, int depth) {
  bool first = true;
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    const cmark_node_type type = cmark_node_get_type(c);
    if (first && type == CMARK_NODE_PARAGRAPH) {
      std::string text = paragraph_text(doc, c, strip_label);
      std::string& f = out.emplace_back();
      f.reserve(role.size() + 1 + text.size());
      f.append(role).append(1, '\x1f').append(text);
    } else if (type == CMARK_NODE_LIST && depth < kMaxListDepth) {
      for (cmark_node* sub = cmark_node_first_child(c); sub; sub = cmark_node_next(sub)) {
        item_fragments(doc, sub, false, role, out, depth + 1);
      }
    } else {
      out.push_back(role + "\x1f" + doc.render_html(c));
    }
    first = false;
  }
}

}  // namespace

ContentSignature content_signature(const Tracker& t) {
  ContentSignature sig;
  const ParsedDocument& doc = *t.document;
  const ArenaScope scope = doc.scope();
  for (const Block& b : t.blocks) {
    if (b.managed || b.in_entry) continue;
    if (t.table && b.kind == Block::Kind::Table) continue;
    if (is_directive(as_node(b.node))) continue;
    sig.outside.push_back(without_directives(doc.render_html(as_node(b.node))));
  }
  // Entries sharing a name get "#2", "#3"... A counter per name: appending
  // "#" until unused made n same-named entries cost O(n^2) lookups of keys
  // up to n long (5,000 `### Same` took 17 s).
  std::map<std::string, std::size_t> repeats;
  for (const Entry& e : t.entries) {
    // One lookup for the usual unique name (was count() then operator[]).
    auto slot = sig.entries.try_emplace(e.key);
    if (!slot.second) {
      std::size_t& n = repeats[e.key];
      std::string key;
      do key = e.key + "#" + std::to_string(++n + 1);
      while (sig.entries.count(key));
      slot = sig.entries.try_emplace(std::move(key));
    }
    std::map<std::string, std::vector<std::string>> by_role;
    std::string role;
    for (const ListItem& item : e.items) {
      if (item.label) {
        role = item.label->section != npos ? rules::canonical_label(*t.schema, item.label->section)
                                           : item.label->text;
      }
      item_fragments(doc, as_node(item.node), item.label.has_value(), role, by_role[role], 0);
    }
    std::vector<std::string>& frags = slot.first->second;
    for (auto& [r, v] : by_role) frags.insert(frags.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
    for (const void* n : e.other_blocks) {
      if (is_directive(as_node(n))) continue;
      frags.push_back("block\x1f" + without_directives(doc.render_html(as_node(n))));
    }
  }
  if (t.table) {
    const Table& table = *t.table;
    sig.cells.reserve(table.rows.size() * table.header.cells.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const std::string prefix = std::to_string(r) + "|";
      const std::size_t row_begin = sig.cells.size();
      for (std::size_t i = 0; i < table.header.cells.size(); ++i) {
        const std::size_t col = table.column_of_cell[i];
        const std::string_view name = col != npos ? std::string_view(t.schema->columns[col].key) : table.header.cells[i].text;
        std::string text = rules::canonical_cell_text(col != npos ? &t.schema->columns[col] : nullptr,
                                                      i < table.rows[r].cells.size() ? table.rows[r].cells[i].text : std::string_view());
        // The name may be re-spelled to match its heading (name-source = "heading").
        if (col == t.schema->name_column) text = text::normalize_name(text);
        std::string cell;
        cell.reserve(prefix.size() + name.size() + 1 + text.size());
        cell.append(prefix).append(name).append(1, '|').append(text);
        sig.cells.push_back(std::move(cell));
      }
      // Column order may change (MR401 reorders columns): compare each row's
      // cells as a set. Every string starts with its row number, so sorting
      // row by row gives the same equality as one sort of the whole table,
      // without comparing long shared prefixes across 10^5 strings.
      std::sort(sig.cells.begin() + static_cast<std::ptrdiff_t>(row_begin), sig.cells.end());
    }
  }
  return sig;
}

std::string first_difference(const ContentSignature& a, const ContentSignature& b, bool allow_new_entries) {
  if (a.outside.size() != b.outside.size()) {
    return "the number of blocks outside the tracker changed (" + std::to_string(a.outside.size()) + " -> " +
           std::to_string(b.outside.size()) + ")";
  }
  for (std::size_t i = 0; i < a.outside.size(); ++i) {
    if (a.outside[i] != b.outside[i]) return "the rendering of block " + std::to_string(i + 1) + " outside the tracker changed";
  }
  // Both maps are ordered by key: walk them side by side instead of a
  // find() per entry (same first difference, in the same key order).
  auto it = b.entries.begin();
  for (const auto& [key, frags] : a.entries) {
    while (it != b.entries.end() && it->first < key) ++it;
    if (it == b.entries.end() || it->first != key) return "entry '" + key + "' disappeared";
    if (it->second != frags) {
      // Name the first fragment that differs, so a report can be acted on.
      const auto& after = it->second;
      std::size_t i = 0;
      while (i < frags.size() && i < after.size() && frags[i] == after[i]) ++i;
      const auto shorten = [](std::string f) {
        for (char& c : f) c = (c == '\n' || c == '\x1f') ? ' ' : c;
        return f.size() > 60 ? f.substr(0, 57) + "..." : f;
      };
      return "the text of entry '" + key + "' changed (" +
             (i < frags.size() ? "'" + shorten(frags[i]) + "'" : std::string("nothing")) + " became " +
             (i < after.size() ? "'" + shorten(after[i]) + "'" : std::string("nothing")) + ")";
    }
  }
  if (!allow_new_entries) {
    for (const auto& [key, frags] : b.entries) {
      if (!a.entries.count(key)) return "entry '" + key + "' appeared";
    }
  }
  if (a.cells != b.cells) return "a Summary Table cell changed";
  return {};
}

}  // namespace mdrisk
