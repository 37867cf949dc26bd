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

FieldText field_text(const Tracker& t, std::size_t row, const FieldRef& f) {
  FieldText out;
  if (f.column != npos) {
    if (const Cell* c = t.cell(row, f.column); c && !c->text.empty()) {
      return {true, c->text, c->text_range};
    }
  }
  const Entry* e = t.entry_for_row(row);
  if (!e) return out;
  if (f.column != npos) {
    for (const ColumnField& cf : e->column_fields) {
      if (cf.column == f.column && !cf.value.empty()) return {true, cf.value, range_of(t, cf.value, cf.value_range)};
    }
    return out;
  }
  for (const Section& s : e->sections) {
    if (s.section != f.section || !s.has_content) continue;
    return {true, s.text, s.text.empty() ? s.label.range : range_of(t, s.text, s.text_range)};
  }
  return out;
}

std::string field_title(const Schema& s, const FieldRef& f) {
  if (f.column != npos) return s.columns[f.column].header;
  if (f.section != npos) return s.sections[f.section].label;
  return f.name;
}

FieldText status_text(const Tracker& t, std::size_t row) {
  const LifecycleSpec& l = t.schema->lifecycle;
  if (!l.enabled()) return {};
  FieldRef f;
  f.column = l.status_column;
  return field_text(t, row, f);
}

bool in_closed_section(const Tracker& t, std::size_t row) {
  const LifecycleSpec& l = t.schema->lifecycle;
  if (l.closed_headings.empty()) return false;
  const Table& table = t.table_of_row(row);
  if (!table.group) return false;
  const std::string group = text::normalize_name(table.group->text);
  for (const auto& h : l.closed_headings) {
    if (text::normalize_name(h) == group) return true;
  }
  return false;
}

StatusClass status_class(const Tracker& t, std::size_t row) {
  const LifecycleSpec& l = t.schema->lifecycle;
  if (!l.enabled()) return StatusClass::None;
  const FieldText s = status_text(t, row);
  if (!s.found) return in_closed_section(t, row) ? StatusClass::Closed : StatusClass::None;
  const ColumnSpec& col = t.schema->columns[l.status_column];
  if (has_value(l.open, col, s.text)) return StatusClass::Open;
  if (has_value(l.accepted, col, s.text)) return StatusClass::Accepted;
  if (has_value(l.closed, col, s.text)) return StatusClass::Closed;
  return StatusClass::None;
}

std::string risk_label(const Tracker& t, std::size_t row) {
  const Schema& s = *t.schema;
  for (std::size_t c : {s.ids.column, s.link == LinkMode::Id ? s.id_column : npos, s.column_index("id"), s.name_column}) {
    if (c == npos) continue;
    if (const Cell* cell = t.cell(row, c); cell && !cell->text.empty()) return quoted(cell->text);
  }
  return "on " + line_ref(*t.source, t.row(row).range.begin);
}

Date reference_date(const Tracker& t, const RuleContext& ctx) {
  if (ctx.as_of) return *ctx.as_of;
  const DatesSpec& d = t.schema->dates;
  if (d.as_of == AsOfSource::Fixed) return d.fixed_as_of;
  if (d.as_of == AsOfSource::Document) {
    // The first line before the register that carries a date label
    // ("Last updated: 2026-06-30") and a date after it.
    const SourceFile& src = *t.source;
    const std::size_t stop = t.table ? src.line_of(t.table->range.begin) : src.line_count();
    for (std::size_t line = 1; line <= stop && line <= src.line_count(); ++line) {
      const std::string folded = text::casefold(src.line_text(line));
      for (const auto& label : d.document_date_labels) {
        const std::size_t at = folded.find(text::casefold(label));
        if (at == std::string::npos) continue;
        const DateScan scan = find_date(std::string_view(folded).substr(at));
        if (scan.valid) return scan.date;
      }
    }
  }
  return today_local();
}

}  // namespace mdrisk::rules

namespace mdrisk::rules {

std::optional<Date> field_date(const Tracker& t, std::size_t row, const FieldRef& f, ByteRange* where) {
  if (!f.set()) return std::nullopt;
  const FieldText ft = field_text(t, row, f);
  if (!ft.found) return std::nullopt;
  const DateScan scan = find_date(ft.text);
  if (!scan.valid) return std::nullopt;
  if (where) {
    *where = ft.range.size() == ft.text.size() ? ByteRange{ft.range.begin + scan.offset, ft.range.begin + scan.offset + scan.length}
                                               : ft.range;
  }
  return scan.date;
}

ReviewInterval review_interval(const Tracker& t, std::size_t row) {
  const DatesSpec& d = t.schema->dates;
  if (d.review_by != npos) {
    const ColumnSpec& col = t.schema->columns[d.review_by];
    FieldRef by;
    by.column = d.review_by;
    if (const FieldText band = field_text(t, row, by); band.found) {
      const std::string value = comparable_value(col, band.text);
      for (const auto& [v, days] : d.intervals) {
        if (comparable_value(col, v) == value) return {days, col.header + " " + quoted(v)};
      }
    }
  }
  return {d.default_interval, "the review interval"};
}

}  // namespace mdrisk::rules
