// Builds the Tracker model from cmark-gfm's tree plus the raw bytes.
// cmark gives the block structure; exact spans come from the raw lines,
// because cmark's end positions for lists swallow blank lines, table header
// positions are wrong under a paragraph, and extra table cells have no node.
#include <cmark-gfm.h>

#include <optional>
#include <regex>
#include <unordered_map>

#include "base/atx_heading.hpp"
#include "base/directive.hpp"
#include "markdown/document_parts.hpp"
#include "markdown/markdown.hpp"
#include "markdown/table_blanking.hpp"
#include "model/tracker_builder.hpp"
#include "base/text.hpp"
#include "model/heading_form.hpp"
#include "model/label_scan.hpp"

namespace mdrisk {
namespace {

// Entry lists are modelled two levels deep (label bullets and their items);
// deeper nesting is content and is never walked, so no input recurses far.
constexpr int kMaxItemDepth = 2;

struct LineSpan {
  std::size_t first = 0, last = 0;
};

// A line cmark reported for a node parsed in a part with `base` lines
// before it (cmark numbers each part's lines from 1; see document_parts.hpp).
// Some nodes come without a position (0: a paragraph split off by a table
// header); they get the document's line 1, however the document was cut.
std::size_t document_line(int line, std::size_t base) {
  return line > 0 ? static_cast<std::size_t>(line) + base : 1;
}

LineSpan node_lines(const SourceFile& src, cmark_node* n, std::size_t base) {
  LineSpan s;
  s.first = document_line(cmark_node_get_start_line(n), base);
  s.last = document_line(cmark_node_get_end_line(n), base);
  if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
    // cmark reports some HTML blocks as ending before they start ("3:1-2:0");
    // the literal holds the block's lines exactly.
    const char* lit = cmark_node_get_literal(n);
    std::size_t lines = 0;
    for (const char* p = lit; p && *p; ++p) lines += *p == '\n';
    s.last = s.first + std::max<std::size_t>(lines, 1) - 1;
  } else if (cmark_node_get_end_column(n) == 0 && s.last > s.first) {
    --s.last;  // lists, items and setext headings end at "next line, column 0"
  }
  s.last = std::max(s.first, std::min(s.last, src.line_count()));
  s.first = std::min(s.first, s.last);
  while (s.last > s.first && src.line_is_blank(s.last)) --s.last;
  return s;
}

ByteRange lines_range(const SourceFile& src, LineSpan s) {
  return {src.line_start(s.first), src.line_end(s.last)};
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// The column after `prefix`, tabs advancing to the next multiple of 4.
std::size_t expanded_column(std::string_view prefix) {
  std::size_t column = 0;
  for (const char c : prefix) column = c == '\t' ? (column / 4 + 1) * 4 : column + 1;
  return column;
}

std::size_t child_count(cmark_node* n) {
  std::size_t count = 0;
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) ++count;
  return count;
}

Heading make_heading(const SourceFile& src, cmark_node* n, std::size_t base) {
  Heading h;
  h.level = cmark_node_get_heading_level(n);
  const LineSpan span = node_lines(src, n, base);
  h.first_line = span.first;
  h.last_line = span.last;
  h.range = lines_range(src, span);
  const std::string_view first = src.line_text(span.first);
  const std::optional<AtxLine> atx = scan_atx_line(first);
  h.setext = !atx;
  if (atx) {
    h.closed_atx = atx->closed;
    const std::size_t line_start = src.line_start(span.first);
    h.text_range = {line_start + atx->text_begin, line_start + atx->text_end};
  } else {
    std::size_t i = 0;
    while (i < first.size() && is_space(first[i])) ++i;
    // Setext: the content lines are all but the underline.
    const std::size_t last_text_line = span.last > span.first ? span.last - 1 : span.first;
    const std::size_t begin = src.line_start(span.first) + i;
    std::size_t end = src.line_end(last_text_line);
    while (end > begin && is_space(src.bytes()[end - 1])) --end;
    h.text_range = {begin, end};
  }
  h.text = std::string_view(src.bytes()).substr(h.text_range.begin, h.text_range.size());
  return h;
}

// Splits one raw table line into cells on unescaped pipes, as GFM does
// (a pipe inside a code span still splits unless written "\|").
Row split_row(const SourceFile& src, std::size_t line) {
  Row row;
  row.line = line;
  const std::size_t base = src.line_start(line);
  const std::string_view t = src.line_text(line);
  row.range = {base, base + t.size()};
  std::size_t i = 0;
  while (i < t.size() && is_space(t[i])) ++i;
  std::size_t end = t.size();
  while (end > i && is_space(t[end - 1])) --end;
  if (i < end && t[i] == '|') ++i;
  if (end > i && t[end - 1] == '|' && !(end >= 2 && t[end - 2] == '\\')) --end;
  std::size_t cell_start = i;
  const auto push = [&](std::size_t b, std::size_t e) {
    Cell c;
    c.range = {base + b, base + e};
    std::size_t tb = b, te = e;
    while (tb < te && is_space(t[tb])) ++tb;
    while (te > tb && is_space(t[te - 1])) --te;
    // A trailing directive comment (a row's suppression) is not part of the value.
    if (te - tb > 7 && t.substr(te - 3, 3) == "-->") {
      const std::size_t open = t.rfind("<!--", te - 3);
      if (open != std::string_view::npos && open >= tb && directive_comment_end(t.substr(0, te), open) == te) {
        c.directive = t.substr(open, te - open);
        te = open;
        while (te > tb && is_space(t[te - 1])) --te;
      }
    }
    c.text_range = {base + tb, base + te};
    c.text = t.substr(tb, te - tb);
    row.cells.push_back(std::move(c));
  };
  for (std::size_t k = i; k < end; ++k) {
    if (t[k] == '\\' && k + 1 < end && t[k + 1] == '|') {
      ++k;
      continue;
    }
    if (t[k] == '|') {
      push(cell_start, k);
      cell_start = k + 1;
    }
  }
  push(cell_start, end);
  return row;
}

Alignment alignment_of(std::string_view delimiter_cell) {
  const std::string_view d = text::trim(delimiter_cell);
  const bool left = !d.empty() && d.front() == ':';
  const bool right = d.size() > 1 && d.back() == ':';
  if (left && right) return Alignment::Center;
  if (left) return Alignment::Left;
  if (right) return Alignment::Right;
  return Alignment::None;
}

Table make_table(const SourceFile& src, const Schema& schema, cmark_node* n, std::size_t base) {
  Table t;
  std::size_t body_rows = 0;
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) ++body_rows;
  if (body_rows > 0) --body_rows;  // the first row is the header
  // cmark's start line is wrong when the table follows a paragraph line;
  // its end line is right, and rows are one line each.
  t.last_line = node_lines(src, n, base).last;
  t.first_line = t.last_line >= body_rows + 1 ? t.last_line - body_rows - 1 : 1;
  t.range = {src.line_start(t.first_line), src.line_end(t.last_line)};
  t.header = split_row(src, t.first_line);
  t.delimiter = split_row(src, t.first_line + 1);
  for (const Cell& c : t.delimiter.cells) t.alignments.push_back(alignment_of(c.text));
  t.alignments.resize(t.header.cells.size(), Alignment::None);
  for (std::size_t line = t.first_line + 2; line <= t.last_line; ++line) {
    t.rows.push_back(split_row(src, line));
  }
  t.cell_of_column.assign(schema.columns.size(), npos);
  for (std::size_t i = 0; i < t.header.cells.size(); ++i) {
    const std::size_t col = schema.column_for_header(t.header.cells[i].text);
    // A repeated header maps only once; the second copy is an unknown column.
    if (col != npos && t.cell_of_column[col] == npos) {
      t.cell_of_column[col] = i;
      t.column_of_cell.push_back(col);
    } else {
      t.column_of_cell.push_back(npos);
    }
  }
  return t;
}

// The line holding byte `offset`, which cmark placed on `line` (offset_of
// clamps a column past the end to the next line's start).
std::size_t line_holding(const SourceFile& src, std::size_t line, std::size_t offset) {
  return offset < src.line_end_with_eol(line) ? line : src.line_of(offset);
}

// Reads a bold label at the start of an item's first paragraph, which starts
// at byte `start` of line `para_line`:
// "**Context**: text", "**Context:** text", "__Monitoring__" alone.
std::optional<Label> read_label(const SourceFile& src, const Schema& schema, cmark_node* para, std::size_t base,
                                std::size_t start, std::size_t para_line, bool* has_inline_text) {
  // The raw bytes first: most items are not labels, and looking at the
  // paragraph's first inline node costs a cache miss per item.
  const std::string_view line = std::string_view(src.bytes()).substr(start, src.line_end(para_line) - start);
  if (line.size() < 5) return std::nullopt;
  const std::string_view delim = line.substr(0, 2);
  if (delim != "**" && delim != "__") return std::nullopt;
  const std::size_t close = line.find(delim, 2);
  if (close == std::string_view::npos || close == 2) return std::nullopt;
  cmark_node* first = cmark_node_first_child(para);
  if (!first || cmark_node_get_type(first) != CMARK_NODE_STRONG) return std::nullopt;
  std::string_view inner = line.substr(2, close - 2);
  std::size_t after = close + 2;
  bool colon = false;
  if (!inner.empty() && inner.back() == ':') {
    colon = true;
    inner.remove_suffix(1);
  }
  if (after < line.size() && line[after] == ':') {
    colon = true;
    ++after;
  }
  // The rest of the paragraph (this line and any continuation lines).
  const LineSpan span = node_lines(src, para, base);
  const std::size_t para_end = src.line_end(span.last);
  const std::string_view rest =
      text::trim(std::string_view(src.bytes()).substr(start + after, para_end - (start + after)));
  // Bold text followed by prose without a colon is emphasis, not a label.
  if (!colon && !rest.empty()) return std::nullopt;
  Label l;
  l.range = {start, start + after};
  l.text_range = {start + 2, start + 2 + inner.size()};
  l.text = text::trim(inner);
  l.section = schema.section_for_label(l.text, &l.alias);
  if (l.section == npos) l.column = schema.column_for_header(l.text);
  *has_inline_text = !rest.empty();
  return l;
}

ListItem make_item(const SourceFile& src, const Schema& schema, cmark_node* item, std::size_t base, int depth) {
  ListItem it;
  const LineSpan span = node_lines(src, item, base);
  it.first_line = span.first;
  it.last_line = span.last;
  it.marker_offset = src.offset_of(span.first, static_cast<std::size_t>(cmark_node_get_start_column(item)));
  it.range = {it.marker_offset, src.line_end(span.last)};
  it.marker = it.marker_offset < src.bytes().size() ? src.bytes()[it.marker_offset] : '-';
  if (cmark_node_get_list_type(cmark_node_parent(item)) == CMARK_ORDERED_LIST) {
    it.marker = cmark_node_get_list_delim(cmark_node_parent(item)) == CMARK_PAREN_DELIM ? ')' : '.';
  }
  it.marker_column = it.marker_offset - src.line_start(span.first);
  it.content_column = it.marker_column + 2;
  cmark_node* first = cmark_node_first_child(item);
  if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
    const std::size_t para_start_line = document_line(cmark_node_get_start_line(first), base);
    const std::size_t off =
        src.offset_of(para_start_line, static_cast<std::size_t>(cmark_node_get_start_column(first)));
    const std::size_t para_line = line_holding(src, para_start_line, off);
    if (para_line == span.first) {
      it.content_column = expanded_column(std::string_view(src.bytes()).substr(src.line_start(span.first),
                                                                                off - src.line_start(span.first)));
    }
    bool inline_text = false;
    it.label = read_label(src, schema, first, base, off, para_line, &inline_text);
    it.has_inline_text = it.label ? inline_text : true;
    const std::size_t text_begin = it.label ? it.label->range.end : off;
    const std::size_t line_end = src.line_end(para_line);
    if (text_begin <= line_end) {
      const std::string_view raw = std::string_view(src.bytes()).substr(text_begin, line_end - text_begin);
      it.text = text::trim(raw);
      const std::size_t lead = raw.find_first_not_of(" \t");
      it.text_range = lead == std::string_view::npos ? ByteRange{line_end, line_end}
                                                     : ByteRange{text_begin + lead, text_begin + lead + it.text.size()};
    }
  }
  for (cmark_node* c = first; c; c = cmark_node_next(c)) {
    if (cmark_node_get_type(c) == CMARK_NODE_LIST) {
      if (depth + 1 < kMaxItemDepth) {
        // Grow geometrically: an item holding many lists (one per blank-line
        // separated run of markers) reserved exactly size + n each time, a
        // copy of all children per list (quadratic; found by the size fuzzer).
        const std::size_t need = it.children.size() + child_count(c);
        if (need > it.children.capacity()) it.children.reserve(std::max(need, 2 * it.children.capacity()));
        for (cmark_node* sub = cmark_node_first_child(c); sub; sub = cmark_node_next(sub)) {
          it.children.push_back(make_item(src, schema, sub, base, depth + 1));
        }
      }
      it.has_content = true;
    } else if (c != first) {
      it.has_content = true;
    }
  }
  it.has_content = it.has_content || it.has_inline_text;
  return it;
}

// The sections of a bullet-field entry. An item whose label repeats a
// column (**Status:**) is a column field, not a section, and items after it
// belong to no section. Further labels on an item's first line
// ("**Likelihood:** HIGH. **Severity:** MEDIUM.") are column fields too.
void build_sections(Entry& e, const SourceFile& src, const Schema& schema) {
  bool open = false;
  for (std::size_t i = 0; i < e.items.size(); ++i) {
    const ListItem& it = e.items[i];
    if (!it.label) {
      if (open) e.sections.back().flattened.push_back(i);
      continue;
    }
    const Label& label = *it.label;
    const std::size_t line_begin = label.range.begin;
    const std::size_t line_end = src.line_end(src.line_of(line_begin));
    const std::string_view line = std::string_view(src.bytes()).substr(line_begin, line_end - line_begin);
    const std::vector<LabelHit> hits = scan_labels(line, false);
    std::string_view value = it.text;
    ByteRange value_range = it.text_range;
    if (hits.size() > 1) {
      value = line.substr(hits[0].value_begin, hits[0].value_end - hits[0].value_begin);
      value_range = {line_begin + hits[0].value_begin, line_begin + hits[0].value_end};
    }
    if (label.section == npos && label.column != npos) {
      e.column_fields.push_back(ColumnField{label.column, label, value, value_range});
      open = false;
    } else {
      Section sec{label.section, i, {}};
      sec.label = label;
      sec.has_content = it.has_content;
      sec.text = it.text;
      sec.text_range = it.text_range;
      e.sections.push_back(std::move(sec));
      open = true;
    }
    for (std::size_t k = 1; k < hits.size(); ++k) {
      const std::string_view name = line.substr(hits[k].name_begin, hits[k].name_end - hits[k].name_begin);
      const std::size_t column = schema.column_for_header(name);
      if (column == npos) continue;
      ColumnField f;
      f.column = column;
      f.label.range = {line_begin + hits[k].begin, line_begin + hits[k].end};
      f.label.text_range = {line_begin + hits[k].name_begin, line_begin + hits[k].name_end};
      f.label.text = name;
      f.label.column = column;
      f.value = line.substr(hits[k].value_begin, hits[k].value_end - hits[k].value_begin);
      f.value_range = {line_begin + hits[k].value_begin, line_begin + hits[k].value_end};
      e.column_fields.push_back(f);
    }
  }
}

// YAML front matter as GitHub reads it: `---` on the first line, closed by
// `---` or `...`; its line count, or 0.
std::size_t front_matter_lines(const SourceFile& src) {
  if (src.line_count() < 2 || text::trim(src.line_text(1)) != "---") return 0;
  if (src.line_text(1) != "---" && src.line_text(1) != "--- ") return 0;
  for (std::size_t l = 2; l <= src.line_count(); ++l) {
    const std::string_view t = src.line_text(l);
    if (t == "---" || t == "...") return l;
  }
  return 0;
}

}  // namespace

const Cell* Table::cell(const Row& row, std::size_t schema_column) const {
  if (schema_column >= cell_of_column.size()) return nullptr;
  const std::size_t i = cell_of_column[schema_column];
  if (i == npos || i >= row.cells.size()) return nullptr;
  return &row.cells[i];
}

const Entry* Tracker::entry_for_row(std::size_t row) const {
  if (row >= entry_of_row.size() || entry_of_row[row] == npos) return nullptr;
  return &entries[entry_of_row[row]];
}

std::size_t Tracker::row_count() const {
  if (!table) return 0;
  std::size_t n = table->rows.size();
  for (const Table& more : more_tables) n += more.rows.size();
  return n;
}

const Table& Tracker::table_of_row(std::size_t r) const {
  if (r < table->rows.size()) return *table;
  r -= table->rows.size();
  for (const Table& more : more_tables) {
    if (r < more.rows.size()) return more;
    r -= more.rows.size();
  }
  return *table;  // out of range: the caller's bug; never a crash
}

const Row& Tracker::row(std::size_t r) const {
  if (r < table->rows.size()) return table->rows[r];
  r -= table->rows.size();
  for (const Table& more : more_tables) {
    if (r < more.rows.size()) return more.rows[r];
    r -= more.rows.size();
  }
  return table->header;
}

const Cell* Tracker::cell(std::size_t r, std::size_t column) const {
  if (!table || r >= row_count()) return nullptr;
  return table_of_row(r).cell(row(r), column);
}

std::vector<const Table*> Tracker::tables() const {
  std::vector<const Table*> out;
  if (!table) return out;
  out.push_back(&*table);
  for (const Table& more : more_tables) out.push_back(&more);
  return out;
}

namespace {

// Builds the model one document part at a time, while the part's tree is
// still in cache (see document_parts.hpp): cmark hands over each part's
// top-level blocks as soon as it has parsed them.
class ModelBuilder {
 public:
  // `observer`: who sees the document's blocks and entries along with the
  // model; nullptr for none.
  // `keep_tree` false: each part's tree goes once the part is modelled (and
  // signed), so the model keeps no node.
  ModelBuilder(const SourceFile& src, const Schema& schema, BuildObserver* observer, bool keep_tree)
      : src_(src),
        schema_(schema),
        table_key_(text::normalize_name(schema.table_heading)),
        entries_key_(text::normalize_name(schema.entries_heading)),
        observer_(observer),
        keep_tree_(keep_tree) {
    t_.source = &src;
    t_.schema = &schema;
    t_.front_matter_lines = front_matter_lines(src);
    if (!schema.template_pattern.empty()) template_.emplace(schema.template_pattern);
  }

  // The top-level blocks from `first` to the end of the root's children,
  // parsed with `base` lines before them.
  void consume(cmark_node* first, std::size_t base) {
    const std::size_t blocks_before = t_.blocks.size(), entries_before = t_.entries.size();
    for (cmark_node* n = first; n; n = cmark_node_next(n)) block(n, base);
    // Parts begin with a heading of level 1 to 3, which ends any entry: the
    // part's entries are complete. Show them while their nodes are in cache.
    if (observer_) {
      for (std::size_t b = blocks_before; b < t_.blocks.size(); ++b) {
        observer_->block(t_, t_.blocks[b], nodes_.blocks[b]);
      }
      for (std::size_t e = entries_before; e < t_.entries.size(); ++e) {
        observer_->entry(t_, t_.entries[e], nodes_.entries[e]);
      }
    }
    if (!keep_tree_) forget_nodes(blocks_before, entries_before);
  }

  // The model, and (when `tree` is given) the nodes behind it.
  Tracker finish(TrackerTree* tree);
  int entry_level() const { return schema_.entry_level; }

 private:
  void block(cmark_node* n, std::size_t base);
  void table_block(cmark_node* n, std::size_t base, Block& block);
  bool view_block(cmark_node* n, cmark_node_type type, LineSpan span, Block& block);
  bool is_entry_heading(const Heading& h) const;
  bool is_template(const Heading& h) const;
  void add_field(Entry& e, Section sec);
  void paragraph_fields(Entry& e, LineSpan span);
  void table_fields(Entry& e, cmark_node* n, std::size_t base);
  void heading_field_content(Entry& e, LineSpan span);
  std::size_t entry_index(const Entry* e) const { return static_cast<std::size_t>(e - t_.entries.data()); }
  // The tree of the part these came from is about to go.
  void forget_nodes(std::size_t blocks_from, std::size_t entries_from) {
    for (std::size_t b = blocks_from; b < nodes_.blocks.size(); ++b) nodes_.blocks[b] = nullptr;
    for (std::size_t e = entries_from; e < nodes_.entries.size(); ++e) nodes_.entries[e] = EntryNodes{};
  }

  const SourceFile& src_;
  const Schema& schema_;
  const std::string table_key_, entries_key_;
  Tracker t_;
  // One per block and entry of t_ (null and empty once the part's tree went).
  TrackerTree nodes_;
  enum class Area { Preamble, Table, Entries, Other } area_ = Area::Preamble;
  int area_level_ = 2, entries_level_ = 2;   // levels of the headings that opened them
  std::optional<Heading> last_heading_;       // a table's group heading
  bool in_template_ = false;                  // inside a template entry (`## SEC-XXX`)
  std::optional<std::regex> template_;
  bool in_field_ = false, field_is_column_ = false;  // inside a sub-heading field
  int field_level_ = 0;
  bool in_view_ = false;                      // between a view's markers
  // An index, not a pointer: entries_ grows while later parts arrive.
  std::size_t current_ = npos;
  bool current_has_list_ = false;
  BuildObserver* observer_;
  const bool keep_tree_;
};

std::shared_ptr<ParsedDocument> parse_into(ModelBuilder& builder, bool keep_tree, std::string_view body,
                                           std::unique_ptr<CmarkArena> memory, std::string_view replace = {},
                                           std::size_t replace_at = 0) {
  // A `##` entry runs across `###` headings, where parts may begin: such a
  // register is parsed in one part, so every entry lies within one.
  const std::vector<PartStart> parts = builder.entry_level() < 3 ? std::vector<PartStart>{PartStart{}}
                                                                : document_parts(body, part_target_bytes());
  return ParsedDocument::parse(
      body, std::move(memory), replace, replace_at, parts,
      [&](cmark_node* first, std::size_t base) { builder.consume(first, base); }, keep_tree);
}

}  // namespace

Tracker parse_tracker(const SourceFile& src, const Schema& schema) { return parse_tracker(src, schema, BuildOptions{}); }

TrackerWithTree parse_tracker_with_tree(const SourceFile& src, const Schema& schema, TableCells cells) {
  TrackerWithTree out;
  BuildOptions options;
  options.cells = cells;
  options.tree = &out.tree;
  out.tracker = parse_tracker(src, schema, options);
  return out;
}

Tracker parse_tracker(const SourceFile& src, const Schema& schema, const BuildOptions& options) {
  const bool keep_tree = options.tree != nullptr;
  std::unique_ptr<CmarkArena> memory;
  if (options.memory) memory = ParsedDocument::recycle(std::move(*options.memory));
  // Hands the parse's memory (and tree) to whoever asked for it.
  const auto done = [&](ModelBuilder& builder, std::shared_ptr<ParsedDocument> doc) {
    if (options.tree) {
      Tracker t = builder.finish(options.tree);
      options.tree->document = std::move(doc);
      return t;
    }
    if (options.memory) *options.memory = std::move(doc);
    return builder.finish(nullptr);
  };
  std::optional<BlankedRows> blanked;
  if (options.cells == TableCells::Blanked) blanked = blank_summary_table(src, schema);
  if (!blanked) {
    ModelBuilder builder(src, schema, options.observer, keep_tree);
    auto doc = parse_into(builder, keep_tree, src.body(), std::move(memory));
    return done(builder, std::move(doc));
  }
  std::shared_ptr<ParsedDocument> doc;
  std::optional<Tracker> t;
  {
    ModelBuilder builder(src, schema, options.observer, keep_tree);
    doc = parse_into(builder, keep_tree, src.body(), std::move(memory), blanked->bytes, blanked->body_offset);
    TrackerTree nodes;
    t = builder.finish(keep_tree ? &nodes : nullptr);
    // Sound only if every blanked line is a row of the managed table (see
    // table_blanking.hpp); otherwise read the document as written.
    if (t->table && t->table->first_line <= blanked->first_line && blanked->last_line <= t->table->last_line) {
      if (options.tree) {
        *options.tree = std::move(nodes);
        options.tree->document = std::move(doc);
      } else if (options.memory) {
        *options.memory = std::move(doc);
      }
      return std::move(*t);
    }
  }
  memory = ParsedDocument::recycle(std::move(doc));
  t.reset();
  if (options.observer) options.observer->restart();  // what it saw came from the blanked parse
  ModelBuilder builder(src, schema, options.observer, keep_tree);
  doc = parse_into(builder, keep_tree, src.body(), std::move(memory));
  return done(builder, std::move(doc));
}

namespace {

void ModelBuilder::block(cmark_node* n, std::size_t base) {
  const SourceFile& src = src_;
  const Schema& schema = schema_;
  Tracker& t = t_;
  const cmark_node_type type = cmark_node_get_type(n);
  const LineSpan span = node_lines(src, n, base);
  Block block;
  block.first_line = span.first;
  block.last_line = span.last;
  Entry* current = current_ != npos ? &t.entries[current_] : nullptr;
  // YAML front matter is the author's metadata: no title, no heading, no
  // table in it, and nothing there is ever rewritten.
  if (span.first <= t.front_matter_lines) {
    t.blocks.push_back(block);
    nodes_.blocks.push_back(n);
    return;
  }
  if (view_block(n, type, span, block)) return;
  if (type == CMARK_NODE_HEADING) {
    block.kind = Block::Kind::Heading;
    const int level = cmark_node_get_heading_level(n);
    const int entry_level = schema.entry_level;
    if (level <= entry_level) {
      current = nullptr;
      in_template_ = false;
    }
    if (in_field_ && level <= field_level_) in_field_ = false;
    // Areas end at a heading as high as the one that opened them.
    if (area_ == Area::Table && level <= area_level_) area_ = Area::Other;
    if (area_ == Area::Entries && level <= entries_level_) area_ = Area::Other;
    const Heading h = make_heading(src, n, base);
    last_heading_ = h;
    const std::string key = level >= 2 ? text::normalize_name(h.text) : std::string();
    const bool register_seen = t.table || t.table_heading || !t.entries.empty();
    if (level == 1 && !t.title && !register_seen) {
      // The title: the first `#` before the register, even after other
      // headings (a table of contents, say).
      t.title = h;
      block.managed = true;
    } else if (level == 1) {
      area_ = Area::Other;
    } else if (schema.has_table && !table_key_.empty() && key == table_key_ && !t.table_heading &&
               level < entry_level + (entry_level == 2 ? 1 : 0)) {
      t.table_heading = h;
      area_ = Area::Table;
      area_level_ = level;
      block.managed = true;
    } else if (!entries_key_.empty() && key == entries_key_ && !t.entries_heading && level < entry_level) {
      t.entries_heading = h;
      area_ = Area::Entries;
      entries_level_ = level;
      block.managed = true;
    } else if (level == entry_level && is_entry_heading(h)) {
      Entry e;
      e.heading = h;
      if (is_template(h)) {
        in_template_ = true;  // its body is the author's text, like any other
      } else {
        const HeadingParts parts = split_heading(schema.heading_pattern, h.text);
        e.id = parts.id;
        e.title = parts.matched && schema.heading_pattern.find("{title}") != std::string::npos ? parts.title : h.text;
        if (!parts.matched) e.title = h.text;
        const bool by_id = schema.link == LinkMode::Id || !schema.has_table;
        e.key = text::normalize_name(by_id ? (parts.matched ? parts.id : (schema.link == LinkMode::Id ? "" : h.text))
                                           : h.text);
        e.range = e.heading.range;
        t.entries.push_back(std::move(e));
        nodes_.entries.emplace_back();
        current = &t.entries.back();
        current_has_list_ = false;
        block.managed = true;
      }
    } else if (level == entry_level && area_ == Area::Entries) {
      current = nullptr;
    }
    if (current && level > entry_level) {
      current->range.end = src.line_end(span.last);
      nodes_.entries[entry_index(current)].other_blocks.push_back(n);
      block.in_entry = true;
      if (schema.field_syntax == FieldSyntax::Headings && level == entry_level + 1) {
        // A sub-heading field: the heading is the label, what follows its value.
        Section sec;
        sec.item = npos;
        sec.label.range = h.text_range;
        sec.label.text_range = h.text_range;
        sec.label.text = h.text;
        sec.label.section = schema.section_for_label(h.text, &sec.label.alias);
        sec.label.column = sec.label.section == npos ? schema.column_for_header(h.text) : npos;
        field_level_ = level;
        add_field(*current, sec);
        in_field_ = true;
        field_is_column_ = sec.label.column != npos;
      }
    }
  } else {
    if (type == CMARK_NODE_LIST) block.kind = Block::Kind::List;
    block.literal = type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK;
    if (type == CMARK_NODE_HTML_BLOCK) {
      const char* lit = cmark_node_get_literal(n);
      block.directive = lit && is_directive_html(lit);
    }
    if (is_table(n) && !current && !in_template_ && schema.has_table) table_block(n, base, block);
    if (current) {
      block.in_entry = true;
      current->range.end = src.line_end(span.last);
      EntryNodes& nodes = nodes_.entries[entry_index(current)];
      if (schema.field_syntax == FieldSyntax::Bullets) {
        const bool first_list = type == CMARK_NODE_LIST && !current_has_list_ &&
                                cmark_node_get_list_type(n) == CMARK_BULLET_LIST;
        if (!first_list) nodes.other_blocks.push_back(n);
        if (first_list) {
          current_has_list_ = true;
          current->list_is_tight = cmark_node_get_list_tight(n) != 0;
          current->list_range = lines_range(src, span);
          current->items.reserve(child_count(n));
          nodes.items.reserve(current->items.capacity());
          for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            current->items.push_back(make_item(src, schema, item, base, 0));
            nodes.items.push_back(item);
          }
          if (!current->items.empty()) current->list_range.begin = current->items.front().range.begin;
          build_sections(*current, src, schema);
        }
      } else {
        nodes.other_blocks.push_back(n);
        if (schema.field_syntax == FieldSyntax::Paragraphs && type == CMARK_NODE_PARAGRAPH) {
          paragraph_fields(*current, span);
        } else if (schema.field_syntax == FieldSyntax::Table && is_table(n)) {
          table_fields(*current, n, base);
        } else if (schema.field_syntax == FieldSyntax::Headings && in_field_) {
          heading_field_content(*current, span);
        }
      }
    }
  }
  current_ = current ? entry_index(current) : npos;
  t.blocks.push_back(block);
  nodes_.blocks.push_back(n);
}

// A generated view's markers and everything between them: recorded as a
// view and otherwise left out of the model (a view's table is no register
// table, its headings open no entry). A view ends the entry it follows, so
// that what mdrisk owns is never part of what an entry says. True when the
// block belongs to a view (and has been recorded).
bool ModelBuilder::view_block(cmark_node* n, cmark_node_type type, LineSpan span, Block& block) {
  std::optional<ViewMarker> marker;
  if (type == CMARK_NODE_HTML_BLOCK && span.first == span.last) {
    const char* lit = cmark_node_get_literal(n);
    if (lit) marker = parse_view_marker(lit);
  }
  Tracker& t = t_;
  if (!in_view_ && !(marker && marker->open)) {
    if (marker) t.stray_view_ends.push_back({span.first, lines_range(src_, span)});
    return false;
  }
  if (marker && marker->open && in_view_) {
    // A second open marker before the end: the first view is unclosed, and
    // this one starts afresh.
    in_view_ = false;
  }
  if (!in_view_) {
    ViewBlock v;
    v.name = marker->name;
    v.args = marker->args;
    v.open_line = span.first;
    v.open = lines_range(src_, span);
    const std::size_t after = src_.line_end_with_eol(span.first);
    v.content = {after, after};
    // A view that no end marker closes (none follows before the next view)
    // owns nothing: the rest of the file stays the author's and the
    // register's, and MR803 reports the marker.
    const std::string_view rest = std::string_view(src_.bytes()).substr(after);
    const std::size_t end_at = rest.find("mdrisk:end"), next_open = rest.find("mdrisk:view");
    const bool closes = end_at != std::string_view::npos && (next_open == std::string_view::npos || end_at < next_open);
    t.views.push_back(std::move(v));
    if (closes) {
      in_view_ = true;
      current_ = npos;
      in_template_ = false;
      in_field_ = false;
    }
  } else if (marker && !marker->open) {
    ViewBlock& v = t.views.back();
    v.closed = true;
    v.close_line = span.first;
    v.close = lines_range(src_, span);
    v.content.end = src_.line_start(span.first);
    in_view_ = false;
  }
  block.view = true;
  t.blocks.push_back(block);
  nodes_.blocks.push_back(n);
  return true;
}

// A table outside any entry: the register's (first or further), one that
// looks like it but cannot be read, or someone else's (a legend).
void ModelBuilder::table_block(cmark_node* n, std::size_t base, Block& block) {
  const Schema& schema = schema_;
  Tracker& t = t_;
  const bool anywhere = table_key_.empty();
  if (!anywhere && area_ != Area::Table) {
    // Only scoring reads other tables: without it, skip the work.
    if (schema.scoring.enabled()) t.other_tables.push_back(make_table(src_, schema, n, base));
    return;
  }
  Table table = make_table(src_, schema, n, base);
  const std::size_t key_column = schema.link == LinkMode::Id ? schema.id_column : schema.name_column;
  const bool keyed = key_column < table.cell_of_column.size() && table.cell_of_column[key_column] != npos;
  // Under `## <table-heading>` the first table is the register's, whatever
  // its header (MR101 says what it lacks); anywhere else a table joins the
  // register only by its header.
  const bool first_in_area = !anywhere && !t.table;
  if (!keyed && !first_in_area) {
    std::size_t required = 0, mapped = 0;
    for (std::size_t c = 0; c < schema.columns.size(); ++c) {
      if (!schema.columns[c].required) continue;
      ++required;
      mapped += table.cell_of_column[c] != npos;
    }
    if (required > 0 && mapped * 2 > required) t.unreadable_tables.push_back(table.header.range);
    if (schema.scoring.enabled()) t.other_tables.push_back(std::move(table));
    return;  // a legend, or a table of the author's
  }
  if (last_heading_ && (!t.table_heading || last_heading_->range.begin != t.table_heading->range.begin)) {
    table.group = last_heading_;
  }
  block.kind = Block::Kind::Table;
  block.first_line = table.first_line;
  block.managed = true;
  if (!t.table) {
    t.table = std::move(table);
  } else {
    t.more_tables.push_back(std::move(table));
  }
}

bool ModelBuilder::is_entry_heading(const Heading& h) const {
  const Schema& schema = schema_;
  // Under a named entries heading every heading of the entry level is an entry.
  if (!entries_key_.empty()) return area_ == Area::Entries;
  // Otherwise a heading is an entry when it has the entries' form.
  if (t_.table_heading && h.range.begin == t_.table_heading->range.begin) return false;
  if (schema.heading_pattern.find("{id}") == std::string::npos) return true;
  const HeadingParts p = split_heading(schema.heading_pattern, h.text);
  return p.matched && !p.id.empty();
}

bool ModelBuilder::is_template(const Heading& h) const {
  if (!template_) return false;
  const HeadingParts p = split_heading(schema_.heading_pattern, h.text);
  const std::string subject(p.matched && !p.id.empty() ? p.id : h.text);
  return std::regex_search(subject, *template_);
}

// A field found in a paragraph, sub-heading or key/value row: a labelled
// section, or a repeated column.
void ModelBuilder::add_field(Entry& e, Section sec) {
  sec.section = sec.label.section;
  if (sec.label.column != npos) {
    ColumnField f;
    f.column = sec.label.column;
    f.label = sec.label;
    f.value = sec.text;
    f.value_range = sec.text_range;
    e.column_fields.push_back(f);
  } else {
    e.sections.push_back(sec);
  }
}

// `**Label:** value` lines of a paragraph (hard breaks between them; both
// kinds, two trailing spaces and a backslash, are the author's and kept).
void ModelBuilder::paragraph_fields(Entry& e, LineSpan span) {
  const Schema& schema = schema_;
  for (std::size_t line = span.first; line <= span.last; ++line) {
    std::string_view text = src_.line_text(line);
    const std::size_t base = src_.line_start(line);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\\' || text.back() == '\t')) text.remove_suffix(1);
    const std::vector<LabelHit> hits = scan_labels(text, false);
    if (hits.empty()) {
      // A continuation line of the previous field's value.
      if (!e.sections.empty() && line > span.first) e.sections.back().has_content = true;
      continue;
    }
    for (const LabelHit& hit : hits) {
      Section sec;
      sec.item = npos;
      sec.label.range = {base + hit.begin, base + hit.end};
      sec.label.text_range = {base + hit.name_begin, base + hit.name_end};
      sec.label.text = text.substr(hit.name_begin, hit.name_end - hit.name_begin);
      sec.label.section = schema.section_for_label(sec.label.text, &sec.label.alias);
      sec.label.column = sec.label.section == npos ? schema.column_for_header(sec.label.text) : npos;
      sec.text = text.substr(hit.value_begin, hit.value_end - hit.value_begin);
      sec.text_range = {base + hit.value_begin, base + hit.value_end};
      sec.has_content = !sec.text.empty();
      add_field(e, sec);
    }
  }
}

// A two-column key/value table: each row is a field (its header row, say
// `Field | Value`, is not).
void ModelBuilder::table_fields(Entry& e, cmark_node* n, std::size_t base) {
  const Schema& schema = schema_;
  const Table kv = make_table(src_, schema, n, base);
  for (const Row& row : kv.rows) {
    if (row.cells.empty() || row.cells[0].text.empty()) continue;
    Section sec;
    sec.item = npos;
    sec.label.range = row.cells[0].text_range;
    sec.label.text_range = row.cells[0].text_range;
    sec.label.text = row.cells[0].text;
    sec.label.section = schema.section_for_label(sec.label.text, &sec.label.alias);
    sec.label.column = sec.label.section == npos ? schema.column_for_header(sec.label.text) : npos;
    if (row.cells.size() > 1) {
      sec.text = row.cells[1].text;
      sec.text_range = row.cells[1].text_range;
    }
    sec.has_content = !sec.text.empty();
    add_field(e, sec);
  }
}

// A block under a sub-heading field: the field's content (its first line
// is the value a repeated column is compared by).
void ModelBuilder::heading_field_content(Entry& e, LineSpan span) {
  const std::string_view line = src_.line_text(span.first);
  const std::string_view first = text::trim(line);
  const std::size_t at = src_.line_start(span.first) + static_cast<std::size_t>(first.data() - line.data());
  if (field_is_column_) {
    ColumnField& f = e.column_fields.back();
    if (f.value.empty()) f.value = first, f.value_range = {at, at + first.size()};
  } else if (!e.sections.empty()) {
    Section& s = e.sections.back();
    if (s.text.empty()) s.text = first, s.text_range = {at, at + first.size()};
    s.has_content = true;
  }
}

Tracker ModelBuilder::finish(TrackerTree* tree) {
  Tracker t = std::move(t_);
  if (tree) {
    tree->blocks = std::move(nodes_.blocks);
    tree->entries = std::move(nodes_.entries);
  }
  const Schema& schema = schema_;
  if (t.table) {
    // Rows are keyed by the column entries link to: the name, or the ID.
    const std::size_t key_column = schema.link == LinkMode::Id ? schema.id_column : schema.name_column;
    const std::size_t rows = t.row_count();
    t.row_keys.reserve(rows);
    for (std::size_t r = 0; r < rows; ++r) {
      const Cell* cell = t.cell(r, key_column);
      t.row_keys.push_back(cell ? text::normalize_name(text::link_text(cell->text)) : std::string());
    }
    // Views of row_keys, which no longer grows.
    std::unordered_map<std::string_view, std::size_t> row_by_key;
    row_by_key.reserve(t.row_keys.size());
    for (std::size_t r = 0; r < t.row_keys.size(); ++r) {
      if (!t.row_keys[r].empty()) row_by_key.emplace(t.row_keys[r], r);
    }
    t.entry_of_row.assign(rows, npos);
    for (std::size_t i = 0; i < t.entries.size(); ++i) {
      auto it = row_by_key.find(t.entries[i].key);
      if (it == row_by_key.end()) continue;
      t.entries[i].row = it->second;
      if (t.entry_of_row[it->second] == npos) t.entry_of_row[it->second] = i;
    }
  }
  return t;
}

}  // namespace

}  // namespace mdrisk
