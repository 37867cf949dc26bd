// Hover, go-to-definition and document symbols: reading the register model
// of the document (table rows and the entries they link to).
#include <string>

#include "mdrisk/rule_info.hpp"
#include "server/convert.hpp"
#include "server/features.hpp"

namespace mdrisk::server {

namespace {

// LSP SymbolKind values.
constexpr int kSymbolObject = 19, kSymbolField = 8;

std::size_t offset_param(const RequestContext& ctx, const json& params) {
  const json& p = params.at("position");
  return ctx.analysis.index->offset_of({p.at("line").get<std::size_t>(), p.at("character").get<std::size_t>()},
                                       ctx.enc);
}

bool contains(ByteRange r, std::size_t offset) { return r.begin <= offset && (offset < r.end || (r.empty() && offset == r.begin)); }

std::string_view text_of(const Analysis& a, ByteRange r) { return std::string_view(a.text).substr(r.begin, r.size()); }

// Index of the table row at `offset`, or npos.
std::size_t row_at(const Tracker& t, std::size_t offset) {
  if (!t.table) return npos;
  for (std::size_t i = 0; i < t.table->rows.size(); ++i) {
    const ByteRange r = t.table->rows[i].range;
    if (r.begin <= offset && offset <= r.end) return i;
  }
  return npos;
}

// The entry whose heading is at `offset`, or nullptr.
const Entry* heading_at(const Tracker& t, std::size_t offset) {
  for (const auto& e : t.entries) {
    if (e.heading.range.begin <= offset && offset <= e.heading.range.end) return &e;
  }
  return nullptr;
}

std::string risk_name(const Tracker& t, std::size_t row) {
  const Cell* c = t.table->cell(t.table->rows[row], t.schema->name_column);
  return c ? std::string(c->text) : std::string();
}

json location(const RequestContext& ctx, ByteRange r) {
  return {{"uri", ctx.uri}, {"range", range_json(*ctx.analysis.index, r, ctx.enc)}};
}

// The columns with fixed values (Impact, Likelihood, Status): a one-line summary of a row.
std::string row_detail(const Tracker& t, const Row& row) {
  std::string detail;
  for (std::size_t c = 0; c < t.schema->columns.size(); ++c) {
    if (t.schema->columns[c].allowed.empty()) continue;
    const Cell* cell = t.table->cell(row, c);
    if (!cell || cell->text.empty()) continue;
    if (!detail.empty()) detail += " · ";
    detail += t.schema->columns[c].header + ": " + std::string(cell->text);
  }
  return detail;
}

}  // namespace

json hover(const RequestContext& ctx, const json& params) {
  const Analysis& a = ctx.analysis;
  if (!a.source) return nullptr;
  const std::size_t offset = offset_param(ctx, params);
  const bool md = ctx.caps.markdown_hover;
  std::string text;
  std::optional<ByteRange> span;
  for (const auto& d : a.diagnostics) {
    if (!contains(d.range, offset)) continue;
    const RuleInfo* rule = find_rule(d.code);
    if (!text.empty()) text += md ? "\n\n---\n\n" : "\n\n";
    text += md ? "**" + d.code + "** `" + d.name + "` (" + severity_name(d.severity) + ")\n\n"
               : d.code + " " + d.name + " (" + severity_name(d.severity) + ")\n";
    text += d.message + "\n";
    if (rule) text += std::string(md ? "\n" : "") + std::string(rule->summary) + "\n";
    if (d.fix && d.fix->applicability != Applicability::DisplayOnly) {
      text += std::string(md ? "\nFix: " : "fix: ") + d.fix->title +
              (d.fix->applicability == Applicability::Unsafe ? " (unsafe)" : "") + "\n";
    }
    text += md ? "\n[" + d.code + " documentation](" + rule_url(d.code) + ")" : rule_url(d.code);
    if (!span) span = d.range;
  }

  const Tracker* t = a.tracker();
  std::string model;
  if (const std::size_t row = t ? row_at(*t, offset) : npos; row != npos) {
    // A table row: its detailed entry, as written.
    const Entry* e = t->entry_for_row(row);
    const std::string name = risk_name(*t, row);
    if (e) {
      model = md ? "```markdown\n" + std::string(text_of(a, e->range)) + "\n```" : std::string(text_of(a, e->range));
    } else {
      model = "'" + name + "' has no detailed entry.";
    }
    if (!span) span = t->table->rows[row].range;
  } else if (const Entry* e = t ? heading_at(*t, offset) : nullptr; e) {
    // An entry heading: its table row.
    if (e->row != npos && t->table) {
      const Row& r = t->table->rows[e->row];
      const std::string table = std::string(text_of(a, t->table->header.range)) + "\n" +
                                std::string(text_of(a, t->table->delimiter.range)) + "\n" +
                                std::string(text_of(a, r.range));
      model = md ? table : row_detail(*t, r);
    } else {
      model = "No Summary Table row for this entry.";
    }
    if (!span) span = e->heading.range;
  }
  if (!model.empty()) {
    if (!text.empty()) text += md ? "\n\n---\n\n" : "\n\n";
    text += model;
  }
  if (text.empty()) return nullptr;
  return {{"contents", {{"kind", md ? "markdown" : "plaintext"}, {"value", text}}},
          {"range", range_json(*a.index, *span, ctx.enc)}};
}

json definition(const RequestContext& ctx, const json& params) {
  const Tracker* t = ctx.analysis.tracker();
  if (!t) return nullptr;
  const std::size_t offset = offset_param(ctx, params);
  if (const std::size_t row = row_at(*t, offset); row != npos) {
    const Entry* e = t->entry_for_row(row);
    return e ? location(ctx, e->heading.range) : json(nullptr);
  }
  if (const Entry* e = heading_at(*t, offset); e && e->row != npos && t->table) {
    return location(ctx, t->table->rows[e->row].range);
  }
  return nullptr;
}

json document_symbols(const RequestContext& ctx) {
  json out = json::array();
  const Tracker* t = ctx.analysis.tracker();
  if (!t) return out;
  const LineIndex& index = *ctx.analysis.index;
  const auto symbol = [&](const std::string& name, const std::string& detail, int kind, ByteRange range,
                          ByteRange selection, json children) {
    if (ctx.caps.hierarchical_symbols) {
      json s = {{"name", name.empty() ? std::string("(unnamed)") : name},
                {"kind", kind},
                {"range", range_json(index, range, ctx.enc)},
                {"selectionRange", range_json(index, selection, ctx.enc)}};
      if (!detail.empty()) s["detail"] = detail;
      if (!children.empty()) s["children"] = std::move(children);
      return s;
    }
    return json{{"name", name.empty() ? std::string("(unnamed)") : name}, {"kind", kind}, {"location", location(ctx, range)}};
  };
  const auto sections = [&](const Entry& e, const std::string& risk) {
    json kids = json::array();
    for (const auto& s : e.sections) {
      const ListItem& item = e.items[s.item];
      if (!item.label) continue;
      json k = symbol(std::string(item.label->text), "", kSymbolField, item.range, item.label->range, json::array());
      if (!ctx.caps.hierarchical_symbols) {
        k["containerName"] = risk;
        out.push_back(k);  // flat lists carry sections after their risk
        continue;
      }
      kids.push_back(std::move(k));
    }
    return kids;
  };
  // Risks in table order (each spanning its entry when it has one), then entries without a row.
  if (t->table) {
    for (std::size_t row = 0; row < t->table->rows.size(); ++row) {
      const Row& r = t->table->rows[row];
      const std::string name = risk_name(*t, row);
      const Cell* cell = t->table->cell(r, t->schema->name_column);
      const ByteRange name_range = cell ? cell->text_range : r.range;
      if (const Entry* e = t->entry_for_row(row)) {
        json s = symbol(name, row_detail(*t, r), kSymbolObject, e->range, e->heading.text_range, json::array());
        const std::size_t at = out.size();
        out.push_back(std::move(s));
        json kids = sections(*e, name);
        if (!kids.empty()) out[at]["children"] = std::move(kids);
      } else {
        out.push_back(symbol(name, row_detail(*t, r), kSymbolObject, r.range, name_range, json::array()));
      }
    }
  }
  for (const auto& e : t->entries) {
    if (e.row != npos && t->entry_for_row(e.row) == &e) continue;  // listed with its row
    const std::string name(e.heading.text);
    const std::size_t at = out.size();
    out.push_back(symbol(name, e.row == npos ? "no Summary Table row" : "duplicate entry", kSymbolObject, e.range,
                         e.heading.text_range, json::array()));
    json kids = sections(e, name);
    if (!kids.empty()) out[at]["children"] = std::move(kids);
  }
  return out;
}

}  // namespace mdrisk::server
