// MR203 heading-mismatch: an entry heading that matches its row only after
// normalisation (case, spaces, emphasis). Why: the names should be one
// string so search, anchors and links agree; the table wins.
#include <fmt/format.h>

#include "base/text.hpp"
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "model/heading_form.hpp"

namespace mdrisk::rules {

void check_heading_mismatch(const Tracker& t, RuleContext& ctx) {
  if (!t.table) return;
  const Schema& schema = *t.schema;
  if (schema.link == LinkMode::Id && schema.title_check == TitleCheckMode::Off) return;
  const bool loose = schema.link == LinkMode::Id && schema.title_check != TitleCheckMode::Exact;
  for (const Entry& e : t.entries) {
    if (e.row == npos || e.heading.setext) continue;
    const Cell* cell = t.cell(e.row, schema.name_column);
    if (!cell) continue;
    const Cell* id = schema.link == LinkMode::Id ? t.cell(e.row, schema.id_column) : nullptr;
    // A cell that is one link (`[Plotter jams](#plotter-jams)`) names the
    // risk by its text; the link stays the author's.
    const std::string_view name = text::link_text(cell->text);
    const std::size_t name_at = cell->text_range.begin + static_cast<std::size_t>(name.data() - cell->text.data());
    const ByteRange name_range{name_at, name_at + name.size()};
    // An `{id}`-only heading has no title to compare.
    if (schema.link == LinkMode::Id && schema.heading_pattern.find("{title}") == std::string::npos) continue;
    if (loose) {
      // The heading's title may be shorter than the row's text: a mismatch
      // is reported, but the table's full text is no better a heading, so
      // there is no fix.
      if (title_fits(schema.title_check, e.title, unescape_pipes(name))) continue;
      Diagnostic& d = ctx.report(kHeadingMismatch, e.heading.text_range,
                                 fmt::format("entry heading '{}' does not match table row '{}' (line {})",
                                             e.heading.text, name, ctx.source.line_of(cell->range.begin)));
      d.related.push_back({cell->text_range, "the table row"});
      continue;
    }
    // A cell must write a pipe as "\|"; a heading need not. Both spellings match.
    const std::string_view id_text = id ? text::link_text(id->text) : std::string_view();
    const bool escaped_pipe = name.find("\\|") != std::string_view::npos;
    if (schema.link == LinkMode::Name && name == e.heading.text) continue;  // the usual case, no copies
    const std::string expected = schema.expected_heading(id_text, escaped_pipe ? unescape_pipes(name)
                                                                               : std::string(name));
    if (expected == e.heading.text || (escaped_pipe && schema.expected_heading(id_text, name) == e.heading.text)) {
      continue;
    }
    Diagnostic& d = ctx.report(kHeadingMismatch, e.heading.text_range,
                               fmt::format("entry heading '{}' differs from table row '{}' (line {})", e.heading.text,
                                           expected, ctx.source.line_of(cell->range.begin)));
    d.related.push_back({cell->text_range, "the table row"});
    if (schema.name_source == NameSource::Table) {
      d.fix = make_fix(Applicability::Safe, fmt::format("rename the heading to '{}'", expected),
                       {{e.heading.text_range, expected}});
    } else if (schema.link == LinkMode::Name) {
      // The heading is the source of truth: the table cell follows it.
      d.fix = make_fix(Applicability::Safe, "rename the table row to " + quoted(e.heading.text),
                       {{name_range, escape_pipes(e.heading.text)}});
    }
  }
}

}  // namespace mdrisk::rules
