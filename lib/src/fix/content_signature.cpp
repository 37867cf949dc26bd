#include "fix/content_signature.hpp"

#include "base/directive.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "markdown/markdown.hpp"
#include "model/canonical.hpp"
#include "base/text.hpp"

namespace mdrisk {
namespace {


// Removes directive comments (and the spaces before each) from rendered
// HTML: adding or removing a suppression is not a change of content.
void strip_directives(std::string& html, std::size_t from) {
  std::size_t pos = from;
  while ((pos = html.find("<!--", pos)) != std::string::npos) {
    const std::size_t end = directive_comment_end(html, pos);
    if (end == std::string::npos) {
      pos += 4;
      continue;
    }
    std::size_t begin = pos;
    while (begin > from && (html[begin - 1] == ' ' || html[begin - 1] == '\t')) --begin;
    html.erase(begin, end - begin);
    pos = begin;
  }
}

bool is_directive(cmark_node* n) {
  const cmark_node_type t = cmark_node_get_type(n);
  if (t != CMARK_NODE_HTML_BLOCK && t != CMARK_NODE_HTML_INLINE) return false;
  const char* lit = cmark_node_get_literal(n);
  return lit && is_directive_html(lit);
}

std::string_view literal(cmark_node* n) {
  const char* lit = cmark_node_get_literal(n);
  return std::string_view(lit ? lit : "");  // NUL-terminated either way
}

// What cmark's HTML renderer writes for text (houdini_escape_html0, not in
// secure mode): only these four characters are escaped.
// `s` is a cmark literal, NUL-terminated at s.size().
void append_escaped(std::string& out, std::string_view s) {
  // Most text has nothing to escape: strcspn (SIMD in glibc) finds that in
  // one pass, then one append. (An early stop, say at an embedded NUL, only
  // sends the text down the careful path below.)
  if (std::strcspn(s.data(), "\"&<>") == s.size()) {
    out.append(s);
    return;
  }
  std::size_t done = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char* entity = nullptr;
    switch (s[i]) {
      case '"': entity = "&quot;"; break;
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      default: continue;
    }
    out.append(s.substr(done, i - done)).append(entity);
    done = i + 1;
  }
  out.append(s.substr(done));
}

// The HTML of one inline node, appended to `out`. The common leaves are
// written here exactly as cmark's renderer writes them (options: only
// UNSAFE): a cmark render call per text node was most of the verifier's time.
void append_inline_html(cmark_node* n, std::string& out) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT: append_escaped(out, literal(n)); return;
    case CMARK_NODE_SOFTBREAK: out += '\n'; return;
    case CMARK_NODE_LINEBREAK: out += "<br />\n"; return;
    case CMARK_NODE_CODE:
      out += "<code>";
      append_escaped(out, literal(n));
      out += "</code>";
      return;
    default: append_node_html(n, out);
  }
}

class Builder {
 public:
  using Pending = std::vector<std::pair<std::size_t, ContentSignature::Span>>;  // (role, fragment)
  Builder(const Tracker& t, ContentSignature& sig, std::vector<std::string_view>& roles, Pending& pending)
      : t_(t), sig_(sig), roles_(roles), pending_(pending) {}

  // A rendered block, directives erased.
  ContentSignature::Span block(std::string_view prefix, cmark_node* n) {
    const std::size_t begin = sig_.bytes.size();
    sig_.bytes += prefix;
    const std::size_t html = sig_.bytes.size();
    append_node_html(n, sig_.bytes);
    strip_directives(sig_.bytes, html);
    return {begin, sig_.bytes.size() - begin};
  }

  // Fragments of one list item: its first paragraph (label left out at the
  // top level), then each nested item in turn, then any other block. Nested
  // lists are walked through cmark's nodes rather than the model (which
  // stops two levels down), so re-nesting an item one level deeper changes
  // no fragment; past kMaxListDepth a list is compared as rendered HTML,
  // bounding recursion.
  void item(cmark_node* node, bool strip_label, std::string_view role, std::size_t role_id, int depth) {
    bool first = true;
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      const cmark_node_type type = cmark_node_get_type(c);
      if (first && type == CMARK_NODE_PARAGRAPH) {
        paragraph(c, strip_label, role, role_id);
      } else if (type == CMARK_NODE_LIST && depth < kMaxListDepth) {
        for (cmark_node* sub = cmark_node_first_child(c); sub; sub = cmark_node_next(sub)) {
          item(sub, false, role, role_id, depth + 1);
        }
      } else {
        std::string prefix(role);
        prefix += '\x1f';
        pending_.push_back({role_id, block(prefix, c)});
      }
      first = false;
    }
  }

  // Inline HTML of a paragraph with its leading label (strong node and the
  // colon after it) left out. Inline nodes are rendered one by one so list
  // tightness, which changes when items are re-nested, does not matter.
  void paragraph(cmark_node* para, bool has_label, std::string_view role, std::size_t role_id) {
    std::string& out = sig_.bytes;
    const std::size_t begin = out.size();
    out.append(role).append(1, '\x1f');
    const std::size_t text = out.size();
    cmark_node* child = cmark_node_first_child(para);
    if (has_label && child && cmark_node_get_type(child) == CMARK_NODE_STRONG) {
      child = cmark_node_next(child);
      if (child && cmark_node_get_type(child) == CMARK_NODE_TEXT) {
        const std::string_view lit = literal(child);
        std::size_t i = 0;
        if (i < lit.size() && lit[i] == ':') ++i;
        while (i < lit.size() && lit[i] == ' ') ++i;
        out += lit.substr(i);
        child = cmark_node_next(child);
      }
    }
    for (; child; child = cmark_node_next(child)) append_inline_html(child, out);
    strip_directives(out, text);
    pending_.push_back({role_id, {begin, out.size() - begin}});
  }

  void entry(const Entry& e, const EntryNodes& nodes) {
    pending_.clear();
    roles_.clear();
    std::string_view role;
    std::size_t role_id = role_index(role);
    for (std::size_t i = 0; i < e.items.size(); ++i) {
      const ListItem& it = e.items[i];
      if (it.label) {
        role = it.label->section != npos ? std::string_view(canonical_label(*t_.schema, it.label->section))
                                         : it.label->text;
        role_id = role_index(role);
      }
      // With `field-source = "table"` MR310 rewrites the value of a field
      // repeating a column to the row's: the field's line is its to change.
      if (it.label && it.label->section == npos && it.label->column != npos &&
          t_.schema->field_source == FieldSource::Table) {
        continue;
      }
      item(nodes.items[i], it.label.has_value(), role, role_id, 0);
    }
    // Sections may be reordered and flattened items re-nested: compare the
    // fragments grouped by role (in role order), each group in item order.
    const auto by_role = [&](const auto& a, const auto& b) { return roles_[a.first] < roles_[b.first]; };
    // Usually already in order (Context, Mitigation, Monitoring).
    if (!std::is_sorted(pending_.begin(), pending_.end(), by_role)) {
      std::stable_sort(pending_.begin(), pending_.end(), by_role);
    }
    ContentSignature::Entry& out = sig_.entries.emplace_back();
    out.key = e.key;
    out.first = sig_.fragments.size();
    for (const auto& p : pending_) sig_.fragments.push_back(p.second);
    for (cmark_node* n : nodes.other_blocks) {
      if (!is_directive(n)) sig_.fragments.push_back(block("block\x1f", n));
    }
    out.count = sig_.fragments.size() - out.first;
  }

  // A top-level block; only those outside the managed structure count.
  // (Only the managed table is of kind Table.) A generated view is
  // mdrisk's to rewrite, markers and content alike: the view rules check
  // it against the register instead.
  void outside_block(const Block& b, cmark_node* node) {
    if (b.managed || b.in_entry || b.view || b.kind == Block::Kind::Table) return;
    if (is_directive(node)) return;
    sig_.outside.push_back(block("", node));
  }

  // Every register table's cells, rows numbered across the tables.
  void cells() {
    std::string& out = sig_.bytes;
    const std::size_t rows = t_.row_count();
    sig_.cells.reserve(rows * t_.table->header.cells.size());
    const bool names_are_keys = t_.schema->link == LinkMode::Name && t_.row_keys.size() == rows;
    // With `field-source = "entry"` MR310 rewrites a cell to its entry's
    // field: those columns' cells are its to change. So are the score and
    // band cells, which MR601 and MR602 derive from the row's ratings.
    std::vector<bool> follows_entry(t_.schema->columns.size(), false);
    if (t_.schema->field_source == FieldSource::Entry) {
      for (const Entry& e : t_.entries) {
        for (const ColumnField& f : e.column_fields) follows_entry[f.column] = true;
      }
    }
    const Scoring& scoring = t_.schema->scoring;
    for (std::size_t c : {scoring.score_column, scoring.band_column}) {
      if (c < follows_entry.size()) follows_entry[c] = true;
    }
    // With a declared row order MR604 may sort the rows: each cell is then
    // tied to its row by the row's name, not its place.
    const bool rows_move = scoring.order.key != RowOrder::Key::None;
    for (std::size_t r = 0; r < rows; ++r) {
      const Table& table = t_.table_of_row(r);
      const Row& row = t_.row(r);
      const std::string prefix =
          (rows_move && names_are_keys ? t_.row_keys[r]
           : rows_move                 ? text::normalize_name(row_key_text(table, row))
                                       : std::to_string(r)) +
          "|";
      const std::size_t row_begin = sig_.cells.size();
      for (std::size_t i = 0; i < table.header.cells.size(); ++i) {
        const std::size_t col = table.column_of_cell[i];
        const ColumnSpec* spec = col != npos ? &t_.schema->columns[col] : nullptr;
        const std::string_view name = spec ? std::string_view(spec->key) : table.header.cells[i].text;
        const std::string_view raw = col != npos && follows_entry[col] ? std::string_view()
                                     : i < row.cells.size() ? row.cells[i].text
                                                            : std::string_view();
        const std::size_t begin = out.size();
        out.append(prefix).append(name).append(1, '|');
        if (col == t_.schema->name_column) {
          // The name may be re-spelled to match its heading (name-source =
          // "heading"): compare it normalised. Rows keyed by name already
          // hold exactly that in row_keys.
          if (names_are_keys && spec->allowed.empty()) {
            out.append(t_.row_keys[r]);
          } else {
            out.append(text::normalize_name(canonical_cell_text(spec, raw)));
          }
        } else if (spec && !spec->allowed.empty()) {
          out.append(canonical_cell_text(spec, raw));
        } else {
          out.append(raw);
        }
        sig_.cells.push_back({begin, out.size() - begin});
      }
      // Column order may change (MR401 reorders columns): compare each row's
      // cells as a set.
      std::sort(sig_.cells.begin() + static_cast<std::ptrdiff_t>(row_begin), sig_.cells.end(),
                [&](const auto& a, const auto& b) { return sig_.view(a) < sig_.view(b); });
    }
    if (rows_move) {
      std::sort(sig_.cells.begin(), sig_.cells.end(), [&](const auto& a, const auto& b) { return sig_.view(a) < sig_.view(b); });
    }
  }

  // The text of the cell rows are keyed by (the ID or name column).
  std::string_view row_key_text(const Table& table, const Row& row) const {
    const Schema& s = *t_.schema;
    const std::size_t key = s.link == LinkMode::Id ? s.id_column : s.name_column;
    const Cell* c = key != npos ? table.cell(row, key) : nullptr;
    return c ? c->text : std::string_view();
  }

 private:
  static constexpr int kMaxListDepth = 32;

  std::size_t role_index(std::string_view role) {
    for (std::size_t i = 0; i < roles_.size(); ++i) {
      if (roles_[i] == role) return i;
    }
    roles_.push_back(role);
    return roles_.size() - 1;
  }

  const Tracker& t_;
  ContentSignature& sig_;
  std::vector<std::string_view>& roles_;  // of the current entry
  Pending& pending_;
};

std::string entry_name(const ContentSignature::Entry& e) {
  return e.occurrence == 1 ? e.key : e.key + "#" + std::to_string(e.occurrence);
}

bool entry_before(const ContentSignature::Entry& a, const ContentSignature::Entry& b) {
  return a.key != b.key ? a.key < b.key : a.occurrence < b.occurrence;
}

bool same_entry(const ContentSignature::Entry& a, const ContentSignature::Entry& b) {
  return a.key == b.key && a.occurrence == b.occurrence;
}

}  // namespace

SignatureBuilder::SignatureBuilder(std::size_t source_bytes) : source_bytes_(source_bytes) {
  sig_.bytes.reserve(source_bytes + source_bytes / 2);
}

void SignatureBuilder::entry(const Tracker& t, const Entry& e, const EntryNodes& nodes) {
  Builder(t, sig_, roles_, pending_).entry(e, nodes);
}

void SignatureBuilder::block(const Tracker& t, const Block& b, cmark_node* node) {
  Builder(t, sig_, roles_, pending_).outside_block(b, node);
}

ContentSignature SignatureBuilder::finish(const Tracker& t) {
  Builder builder(t, sig_, roles_, pending_);
  // Entries sharing a name are told apart by their order.
  std::stable_sort(sig_.entries.begin(), sig_.entries.end(),
                   [](const auto& a, const auto& b) { return a.key < b.key; });
  for (std::size_t i = 1; i < sig_.entries.size(); ++i) {
    if (sig_.entries[i].key == sig_.entries[i - 1].key) {
      sig_.entries[i].occurrence = sig_.entries[i - 1].occurrence + 1;
    }
  }
  if (t.table) builder.cells();
  return std::move(sig_);
}

ContentSignature content_signature(const Tracker& t, const TrackerTree& tree) {
  const ArenaScope scope = tree.document->scope();
  SignatureBuilder builder(t.source ? t.source->bytes().size() : 0);
  for (std::size_t b = 0; b < t.blocks.size(); ++b) builder.block(t, t.blocks[b], tree.blocks[b]);
  for (std::size_t e = 0; e < t.entries.size(); ++e) builder.entry(t, t.entries[e], tree.entries[e]);
  return builder.finish(t);
}

std::string first_difference(const ContentSignature& a, const ContentSignature& b, bool allow_new_entries) {
  if (a.outside.size() != b.outside.size()) {
    return "the number of blocks outside the tracker changed (" + std::to_string(a.outside.size()) + " -> " +
           std::to_string(b.outside.size()) + ")";
  }
  for (std::size_t i = 0; i < a.outside.size(); ++i) {
    if (a.view(a.outside[i]) != b.view(b.outside[i])) {
      return "the rendering of block " + std::to_string(i + 1) + " outside the tracker changed";
    }
  }
  // Both lists are sorted by (key, occurrence): walk them side by side.
  auto it = b.entries.begin();
  for (const ContentSignature::Entry& ea : a.entries) {
    while (it != b.entries.end() && entry_before(*it, ea)) ++it;
    if (it == b.entries.end() || !same_entry(*it, ea)) return "entry '" + entry_name(ea) + "' disappeared";
    const ContentSignature::Entry& eb = *it;
    std::size_t i = 0;
    while (i < ea.count && i < eb.count && a.view(a.fragments[ea.first + i]) == b.view(b.fragments[eb.first + i])) ++i;
    if (i == ea.count && i == eb.count) continue;
    // Name the first fragment that differs, so a report can be acted on.
    const auto shorten = [](std::string_view v) {
      std::string f(v.substr(0, 61));
      for (char& c : f) c = (c == '\n' || c == '\x1f') ? ' ' : c;
      return v.size() > 60 ? f.substr(0, 57) + "..." : f;
    };
    const auto shown = [&](const ContentSignature& s, const ContentSignature::Entry& e) {
      return i < e.count ? "'" + shorten(s.view(s.fragments[e.first + i])) + "'" : std::string("nothing");
    };
    return "the text of entry '" + entry_name(ea) + "' changed (" + shown(a, ea) + " became " + shown(b, eb) + ")";
  }
  if (!allow_new_entries) {
    auto ia = a.entries.begin();
    for (const ContentSignature::Entry& eb : b.entries) {
      while (ia != a.entries.end() && entry_before(*ia, eb)) ++ia;
      if (ia == a.entries.end() || !same_entry(*ia, eb)) return "entry '" + entry_name(eb) + "' appeared";
    }
  }
  bool cells_equal = a.cells.size() == b.cells.size();
  for (std::size_t i = 0; cells_equal && i < a.cells.size(); ++i) cells_equal = a.view(a.cells[i]) == b.view(b.cells[i]);
  if (!cells_equal) return "a Summary Table cell changed";
  return {};
}

}  // namespace mdrisk
