// MR201 missing-entry: every Summary Table row has a `### <risk>` entry.
// Why: the table is the index; the entry is where context, actions and
// monitoring live. The unsafe fix inserts a stub whose Context is a
// placeholder, so the tracker keeps failing (MR308) until someone writes it.
#include <algorithm>
#include <unordered_set>

#include "base/atx_heading.hpp"
#include "model/insertion.hpp"
#include "base/text.hpp"

#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

namespace {

// The table's Mitigation cell, split into action items on commas and
// semicolons outside code spans.
std::vector<std::string> mitigation_items(std::string_view cell) {
  std::vector<std::string> items;
  std::string current;
  bool in_code = false;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '`') in_code = !in_code;
    if (!in_code && (c == ',' || c == ';')) {
      items.push_back(current);
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  items.push_back(current);
  std::vector<std::string> out;
  for (auto& item : items) {
    std::size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

std::string stub_entry(const Tracker& t, std::size_t row, std::string_view eol) {
  const Schema& schema = *t.schema;
  const Cell* id = schema.link == LinkMode::Id ? t.cell(row, schema.id_column) : nullptr;
  std::string s = "### " + schema.expected_heading(id ? text::link_text(id->text) : "", row_name(t, row));
  s.append(eol).append(eol);
  const std::size_t mitigation_col = schema.column_index("mitigation");
  const Cell* mitigation = mitigation_col == npos ? nullptr : t.cell(row, mitigation_col);
  for (std::size_t i = 0; i < schema.sections.size(); ++i) {
    const SectionSpec& sec = schema.sections[i];
    if (sec.requirement != Requirement::Required) continue;
    const bool is_mitigation = sec.label == "Mitigation" && mitigation && !mitigation->text.empty();
    if (is_mitigation) {
      s += "- " + label_markup(schema, sec.label, false);
      for (const auto& item : mitigation_items(mitigation->text)) {
        s.append(eol).append("  - ").append(item);
      }
    } else {
      s += "- " + label_markup(schema, sec.label, true) + " " +
           (schema.placeholders.empty() ? "TODO" : schema.placeholders.front());
    }
    s.append(eol);
  }
  if (!s.empty()) s.resize(s.size() - eol.size());
  return s;
}


// True when `### <name>` would read as a heading with a closing sequence
// (the name would lose its trailing #s).
bool ends_in_closing_hashes(std::string_view name) {
  const std::optional<AtxLine> h = scan_atx_line("# " + std::string(name));
  return h && h->closed;
}

// A heading of level 1 or 2 (setext headings are one or the other), which
// ends the `## Detailed Entries` section.
bool ends_section(const SourceFile& src, const Block& heading) {
  const std::optional<AtxLine> h = scan_atx_line(src.line_text(heading.first_line));
  return !h || h->level <= 2;  // setext headings are of level 1 or 2
}

// Where stubs for rows before the first entry go: after whatever is written
// between `## Detailed Entries` and that entry (a note, a list). Inserted
// right after the heading, a stub would take those blocks into its own body,
// and the fix would be refused for changing what lies outside the entries.
// With no entry yet, that is the end of the section: the line before the
// next heading of level 1 or 2, or the end of the document.
std::size_t first_insertion_point(const Tracker& t, const SourceFile& src) {
  const std::size_t heading_last = t.entries_heading->last_line;
  std::size_t before = src.line_count() + 1;  // the first line after the stubs' place
  if (!t.entries.empty()) {
    before = t.entries.front().heading.first_line;
  } else {
    for (const Block& b : t.blocks) {
      if (b.first_line > heading_last && b.kind == Block::Kind::Heading && ends_section(src, b)) {
        before = b.first_line;
        break;
      }
    }
  }
  std::size_t last = before - 1;
  while (last > heading_last && src.line_is_blank(last)) --last;
  return last > heading_last ? src.line_end(last) : t.entries_heading->range.end;
}

}  // namespace

void check_missing_entry(const Tracker& t, RuleContext& ctx) {
  const Schema& schema = *t.schema;
  if (!t.table || !schema.entries_required) return;
  const bool named = !schema.entries_heading.empty();
  if (named && !t.entries_heading) return;  // MR003 reports it
  // Stubs are written in the built-in entry form only; other registers get
  // the finding without one.
  const bool can_stub = named && schema.entry_level == 3 && schema.field_syntax == FieldSyntax::Bullets;
  const std::string_view eol = ctx.source.eol();
  std::size_t insert_at = can_stub ? first_insertion_point(t, ctx.source) : 0;  // then after the previous row's entry
  // Keys of the rows before r: a set, since a linear search per row is
  // quadratic in the rows (tests/pathological_test.cpp has 100,000).
  std::unordered_set<std::string_view> earlier;
  std::size_t lands_at = npos;  // stub_lands(insert_at), cached: rows share insertion points
  bool lands = true;
  const std::size_t rows = t.row_count();
  for (std::size_t r = 0; r < rows; ++r) {
    const bool repeated = !earlier.insert(t.row_keys[r]).second;
    if (const Entry* e = t.entry_for_row(r)) {
      insert_at = std::max(insert_at, e->range.end);
      continue;
    }
    if (!row_needs_entry(t, r)) continue;
    const Cell* name = t.cell(r, schema.name_column);
    if (!name || name->text.empty()) continue;  // MR104 reports the empty name
    // A row repeating an earlier row's name can never get its own entry (entries
    // match the first row); MR107 reports it, and a stub here would never converge.
    if (repeated) continue;
    Diagnostic& d = ctx.report(kMissingEntry, name->text_range,
                               "risk " + quoted(name->text) + " has no detailed entry");
    if (can_stub && lands_at != insert_at) {
      lands_at = insert_at;
      lands = stub_lands(t, ctx.source, insert_at, eol);
    }
    if (!can_stub || !lands) continue;  // reported, without a fix: see stub_lands
    // A name of only `*`, `_` and backticks normalises to nothing; no heading
    // can match it, so a stub would be inserted again on every pass.
    if (t.row_keys[r].empty()) continue;
    // "### Name ###": a name ending in a run of '#' after a space loses it as
    // the heading's closing sequence, and the stub would never match the row.
    if (ends_in_closing_hashes(name->text)) continue;
    std::string stub;
    stub.append(eol).append(eol).append(stub_entry(t, r, eol));
    d.fix = make_fix(Applicability::Unsafe, "insert a stub entry for " + quoted(name->text),
                     {{{insert_at, insert_at}, stub}});
    // Rows without an entry that follow the same entry share insert_at:
    // their stubs go in together, in table order, in one pass.
    d.fix->shares_insertion_point = true;
  }
}

}  // namespace mdrisk::rules
