#include "rules/risk_fields.hpp"

#include "base/text.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {
namespace {

ByteRange range_of(const Tracker& t, std::string_view text, ByteRange fallback) {
  const std::string& bytes = t.source->bytes();
  if (!text.empty() && text.data() >= bytes.data() && text.data() + text.size() <= bytes.data() + bytes.size()) {
    const std::size_t at = static_cast<std::size_t>(text.data() - bytes.data());
    return {at, at + text.size()};
  }
  return fallback;
}

bool has_value(const std::vector<std::string>& values, const ColumnSpec& col, std::string_view v) {
  const std::string want = comparable_value(col, v);
  for (const auto& x : values) {
    if (comparable_value(col, x) == want) return true;
  }
  return false;
}

}  // namespace

std::vector<Risk> register_risks(const Tracker& t) {
  std::vector<Risk> out;
  if (t.table) {
    out.reserve(t.row_count());
    for (std::size_t r = 0; r < t.row_count(); ++r) out.push_back({r, t.entry_for_row(r)});
  } else if (!t.schema->has_table) {
    out.reserve(t.entries.size());
    for (const Entry& e : t.entries) out.push_back({npos, &e});
  }
  return out;
}

std::optional<Risk> risk_of_entry(const Tracker& t, const Entry& e) {
  if (t.table) {
    if (e.row == npos) return std::nullopt;
    return Risk{e.row, &e};
  }
  if (t.schema->has_table) return std::nullopt;
  return Risk{npos, &e};
}

FieldText field_text(const Tracker& t, const Risk& risk, const FieldRef& f) {
  if (f.column != npos && risk.row != npos) {
    if (const Cell* c = t.cell(risk.row, f.column); c && !c->text.empty()) {
      return {true, c->text, c->text_range};
    }
  }
  const Entry* e = risk.entry;
  if (!e) return {};
  if (f.column != npos) {
    for (const ColumnField& cf : e->column_fields) {
      if (cf.column == f.column && !cf.value.empty()) return {true, cf.value, range_of(t, cf.value, cf.value_range)};
    }
    // An entry-only risk names itself in its heading (`## R-01: Title`):
    // there is no cell to hold its ID or name.
    if (risk.row == npos) {
      const Schema& s = *t.schema;
      if (!e->id.empty() && (f.column == s.id_column || f.column == s.ids.column)) {
        return {true, e->id, range_of(t, e->id, e->heading.text_range)};
      }
      const std::string_view title = e->title.empty() ? e->heading.text : e->title;
      if (f.column == s.name_column && !title.empty()) return {true, title, range_of(t, title, e->heading.text_range)};
    }
    return {};
  }
  for (const Section& s : e->sections) {
    if (s.section != f.section || !s.has_content) continue;
    return {true, s.text, s.text.empty() ? s.label.range : range_of(t, s.text, s.text_range)};
  }
  return {};
}

std::string field_title(const Schema& s, const FieldRef& f) {
  if (f.column != npos) return s.columns[f.column].header;
  if (f.section != npos) return s.sections[f.section].label;
  return f.name;
}

FieldText status_text(const Tracker& t, const Risk& risk) {
  const LifecycleSpec& l = t.schema->lifecycle;
  if (!l.enabled()) return {};
  FieldRef f;
  f.column = l.status_column;
  return field_text(t, risk, f);
}

const Heading* risk_group(const Tracker& t, const Risk& risk) {
  if (risk.row == npos) return nullptr;
  const Table& table = t.table_of_row(risk.row);
  return table.group ? &*table.group : nullptr;
}

bool in_closed_section(const Tracker& t, const Risk& risk) {
  const LifecycleSpec& l = t.schema->lifecycle;
  if (l.closed_headings.empty()) return false;
  const Heading* group = risk_group(t, risk);
  if (!group) return false;
  const std::string name = text::normalize_name(group->text);
  for (const auto& h : l.closed_headings) {
    if (text::normalize_name(h) == name) return true;
  }
  return false;
}

StatusClass status_class(const Tracker& t, const Risk& risk) {
  const LifecycleSpec& l = t.schema->lifecycle;
  if (!l.enabled()) return StatusClass::None;
  const FieldText s = status_text(t, risk);
  if (!s.found) return in_closed_section(t, risk) ? StatusClass::Closed : StatusClass::None;
  const ColumnSpec& col = t.schema->columns[l.status_column];
  if (has_value(l.open, col, s.text)) return StatusClass::Open;
  if (has_value(l.accepted, col, s.text)) return StatusClass::Accepted;
  if (has_value(l.closed, col, s.text)) return StatusClass::Closed;
  return StatusClass::None;
}

FieldText policy_trigger(const Tracker& t, const Risk& risk, const Policy& p) {
  if (p.column == npos || p.status_class != StatusClass::None) return {};
  FieldRef f;
  f.column = p.column;
  const FieldText v = field_text(t, risk, f);
  if (!v.found || !has_value(p.values, t.schema->columns[p.column], v.text)) return {};
  return v;
}

bool policy_requires(const Tracker& t, const Entry& e, std::size_t section) {
  const std::optional<Risk> risk = risk_of_entry(t, e);
  if (!risk) return false;
  for (const Policy& p : t.schema->policies) {
    // A `require` policy that names the section raises it as well (value
    // triggers only: a class trigger is MR309's alone to judge).
    bool wanted = p.section == section;
    if (p.section == npos && p.status_class == StatusClass::None) {
      for (const FieldRef& f : p.require) wanted = wanted || (f.column == npos && f.section == section);
    }
    if (wanted && policy_trigger(t, *risk, p).found) return true;
  }
  return false;
}

std::string risk_label(const Tracker& t, const Risk& risk) {
  const Schema& s = *t.schema;
  for (std::size_t c : {s.ids.column, s.link == LinkMode::Id ? s.id_column : npos, s.column_index("id"), s.name_column}) {
    if (c == npos) continue;
    FieldRef f;
    f.column = c;
    if (const FieldText v = field_text(t, risk, f); v.found) return quoted(v.text);
  }
  const std::size_t at = risk.row != npos ? t.row(risk.row).range.begin : risk.entry->heading.range.begin;
  return "on " + line_ref(*t.source, at);
}

ByteRange risk_anchor(const Tracker& t, const Risk& risk) {
  const Schema& s = *t.schema;
  if (risk.row != npos) {
    const std::size_t key = s.link == LinkMode::Id ? s.id_column : s.name_column;
    if (const Cell* c = t.cell(risk.row, key); c && !c->text.empty()) return c->text_range;
  }
  if (risk.entry) return risk.entry->heading.text_range;
  return t.row(risk.row).range;
}

Date reference_date(const Tracker& t, const RuleContext& ctx) {
  if (ctx.as_of) return *ctx.as_of;
  const DatesSpec& d = t.schema->dates;
  if (d.as_of == AsOfSource::Fixed) return d.fixed_as_of;
  if (d.as_of == AsOfSource::Document) {
    // The first line before the register that carries a date label
    // ("Last updated: 2026-06-30", "Stand: 11.05.2026") and a date after it.
    const SourceFile& src = *t.source;
    const std::size_t stop = t.table ? src.line_of(t.table->range.begin) : src.line_count();
    for (std::size_t line = 1; line <= stop && line <= src.line_count(); ++line) {
      for (const auto& label : d.document_date_labels) {
        if (const auto date = labelled_date(src.line_text(line), label)) return *date;
      }
    }
  }
  return today_local();
}

}  // namespace mdrisk::rules

namespace mdrisk::rules {

std::optional<Date> field_date(const Tracker& t, const Risk& risk, const FieldRef& f, ByteRange* where) {
  if (!f.set()) return std::nullopt;
  const FieldText ft = field_text(t, risk, f);
  if (!ft.found) return std::nullopt;
  const DateScan scan = find_date(ft.text);
  if (!scan.valid) return std::nullopt;
  if (where) {
    *where = ft.range.size() == ft.text.size() ? ByteRange{ft.range.begin + scan.offset, ft.range.begin + scan.offset + scan.length}
                                               : ft.range;
  }
  return scan.date;
}

ReviewInterval review_interval(const Tracker& t, const Risk& risk) {
  const DatesSpec& d = t.schema->dates;
  if (d.review_by != npos) {
    const ColumnSpec& col = t.schema->columns[d.review_by];
    FieldRef by;
    by.column = d.review_by;
    if (const FieldText band = field_text(t, risk, by); band.found) {
      const std::string value = comparable_value(col, band.text);
      for (const auto& [v, days] : d.intervals) {
        if (comparable_value(col, v) == value) return {days, col.header + " " + quoted(v)};
      }
    }
  }
  return {d.default_interval, "the review interval"};
}

}  // namespace mdrisk::rules
