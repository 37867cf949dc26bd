// `mdrisk diff` as text (for a terminal or a log) and as Markdown (for a
// pull-request comment). Reads snapshots only; the comparison is made by
// compare_registers.
#include <fmt/format.h>

#include <algorithm>

#include "base/text.hpp"
#include "mdrisk/history_report.hpp"

namespace mdrisk {
namespace {

const RiskRecord* risk_of(const FileHistory& f, const RiskChange& c) {
  if (c.after < f.after.risks.size()) return &f.after.risks[c.after];
  if (c.before < f.before.risks.size()) return &f.before.risks[c.before];
  return nullptr;
}

bool has_ids(const FileHistory& f) { return f.before.has_ids || f.after.has_ids; }

std::string count_line(std::size_t n) { return n == 0 ? "no changes" : fmt::format("{} change{}", n, n == 1 ? "" : "s"); }

std::string file_note(const FileHistory& f) {
  if (!f.existed_before) return " (new file)";
  if (!f.exists_after) return " (file deleted)";
  return "";
}

// What the text format says after the kind, ID and name.
std::string text_detail(const RiskChange& c) {
  switch (c.kind) {
    case ChangeKind::Added: return c.to.empty() ? "" : " (" + c.to + ")";
    case ChangeKind::Removed: return c.from.empty() ? "" : " (was " + c.from + ")";
    case ChangeKind::Renamed:
    case ChangeKind::IdReused: return " (was '" + c.from + "')";
    case ChangeKind::Status:
    case ChangeKind::Score:
      return ": " + (c.from.empty() ? std::string("(empty)") : c.from) + " -> " +
             (c.to.empty() ? std::string("(empty)") : c.to);
  }
  return "";
}

// A Markdown table cell: pipes escaped, line breaks cannot occur (cells are one line).
std::string md_cell(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|') out += "\\|";
    else out += ch;
  }
  return out;
}

}  // namespace

std::string format_history_text(const std::vector<FileHistory>& files) {
  std::string out;
  for (const FileHistory& f : files) {
    out += fmt::format("{}: {} -> {}{}: {}\n", text::printable_name(f.file), f.before.revision, f.after.revision,
                       file_note(f), count_line(f.changes.size()));
    std::size_t id_width = 0;
    for (const RiskChange& c : f.changes) {
      if (const RiskRecord* r = risk_of(f, c)) id_width = std::max(id_width, text::display_width(r->id));
    }
    for (const RiskChange& c : f.changes) {
      const RiskRecord* r = risk_of(f, c);
      if (!r) continue;
      const std::string kind(change_kind_name(c.kind));
      std::string line = "  " + kind + std::string(11 - std::min<std::size_t>(kind.size(), 10), ' ');
      if (has_ids(f)) line += r->id + std::string(id_width - text::display_width(r->id) + 2, ' ');
      line += r->name + text_detail(c);
      out += line + "\n";
    }
  }
  return out;
}

std::string format_history_markdown(const std::vector<FileHistory>& files) {
  std::string out;
  for (const FileHistory& f : files) {
    if (!out.empty()) out += "\n";
    out += fmt::format("### Register changes in `{}`\n\n`{}` → {}{}: {}.\n", text::printable_name(f.file),
                       f.before.revision, f.after.revision == "working tree" ? "the working tree" : "`" + f.after.revision + "`",
                       file_note(f), count_line(f.changes.size()));
    if (f.changes.empty()) continue;
    const bool ids = has_ids(f);
    out += ids ? "\n| change | ID | risk | before | after |\n|---|---|---|---|---|\n"
               : "\n| change | risk | before | after |\n|---|---|---|---|\n";
    for (const RiskChange& c : f.changes) {
      const RiskRecord* r = risk_of(f, c);
      if (!r) continue;
      out += "| " + std::string(change_kind_name(c.kind)) + " | ";
      if (ids) out += md_cell(r->id) + " | ";
      out += md_cell(r->name) + " | " + md_cell(c.from) + " | " + md_cell(c.to) + " |\n";
    }
  }
  return out;
}

}  // namespace mdrisk
