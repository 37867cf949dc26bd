// Tracker -> strings -> Markdown. The writer builds a plain document, then
// lets the library's own printer and fix engine make it canonical, so an
// imported tracker is exactly what `mdrisk --fix` would keep.
#include "exchange/register_data.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"
#include "model/canonical.hpp"
#include "model/table_printer.hpp"

namespace mdrisk::exchange {
namespace {

std::string lf(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string cells_line(const std::vector<std::string>& cells) {
  std::string line = "|";
  for (const auto& c : cells) line += " " + escape_pipes(c) + " |";
  return line;
}

}  // namespace

RegisterData read_register(const Tracker& t) {
  RegisterData data;
  const SourceFile& src = *t.source;
  if (t.title) data.title = std::string(t.title->text);
  for (const Table* table : t.tables()) {
    TableData td;
    if (table->group && t.tables().size() > 1) {
      td.group = std::string(table->group->text);
      td.group_level = table->group->level;
    }
    for (const Cell& c : table->header.cells) td.header.push_back(unescape_pipes(c.text));
    for (const Row& row : table->rows) {
      std::vector<std::string> cells;
      for (const Cell& c : row.cells) cells.push_back(unescape_pipes(c.text));
      td.rows.push_back(std::move(cells));
    }
    data.tables.push_back(std::move(td));
  }
  for (const Entry& e : t.entries) {
    EntryData ed;
    ed.heading = std::string(e.heading.text);
    ed.level = e.heading.level;
    const std::size_t body_begin = std::min(src.line_start(e.heading.last_line + 1), e.range.end);
    std::string body = lf(std::string_view(src.bytes()).substr(body_begin, e.range.end - body_begin));
    while (!body.empty() && (body.front() == '\n')) body.erase(0, 1);
    while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
    ed.body = std::move(body);
    data.entries.push_back(std::move(ed));
  }
  return data;
}

Result<std::string> write_register(const RegisterData& data, const Schema& schema, bool stub_entries,
                                   const RenderOptions& options) {
  std::string md = "# " + (data.title.empty() ? std::string("Risk Register") : data.title) + "\n";
  if (schema.has_table && !data.tables.empty()) {
    if (!schema.table_heading.empty()) md += "\n## " + schema.table_heading + "\n";
    for (const TableData& td : data.tables) {
      if (!td.group.empty()) md += "\n" + std::string(static_cast<std::size_t>(std::clamp(td.group_level, 3, 6)), '#') + " " + td.group + "\n";
      md += "\n" + cells_line(td.header) + "\n|";
      for (std::size_t i = 0; i < td.header.size(); ++i) md += " --- |";
      md += "\n";
      for (const auto& row : td.rows) md += cells_line(row) + "\n";
    }
  }
  const bool any_entries = !data.entries.empty() || (stub_entries && schema.entries_required);
  if (any_entries && schema.has_table) {
    md += "\n## " + (schema.entries_heading.empty() ? std::string("Detailed Entries") : schema.entries_heading) + "\n";
  } else if (any_entries && !schema.entries_heading.empty() && schema.entry_level > 2) {
    md += "\n## " + schema.entries_heading + "\n";
  }
  for (const EntryData& e : data.entries) {
    md += "\n" + std::string(static_cast<std::size_t>(std::clamp(e.level, 1, 6)), '#') + " " + e.heading + "\n";
    if (!e.body.empty()) md += "\n" + e.body + "\n";
  }

  auto source = SourceFile::from_bytes("<rendered>", md);
  if (!source) return source.error();
  // The tables in canonical layout, their values as given (respelling
  // values is MR106's, which the user runs when they want it).
  {
    const Tracker t = parse_tracker(*source, schema);
    std::vector<std::pair<ByteRange, std::string>> edits;
    for (const Table* table : t.tables()) edits.push_back({table->range, print_table(*table, schema, "\n", false)});
    std::string out;
    std::size_t at = 0;
    for (const auto& [range, text] : edits) {
      out.append(md, at, range.begin - at);
      out += text;
      at = range.end;
    }
    out.append(md, at, std::string::npos);
    md = std::move(out);
  }
  if (!stub_entries || !schema.entries_required || !schema.has_table) return md;
  auto printed = SourceFile::from_bytes("<rendered>", md);
  if (!printed) return printed.error();
  LintOptions lint;
  lint.schema = schema;
  lint.rules.select = {"MR201"};
  FixOptions fix;
  fix.unsafe = true;
  fix.max_output_bytes = options.max_output_bytes;
  auto fixed = fix_source(*printed, lint, fix);
  if (!fixed) return fixed.error();
  return fixed->output;
}

}  // namespace mdrisk::exchange
