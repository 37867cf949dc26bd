#include "rules/helpers.hpp"

#include "base/text.hpp"

namespace mdrisk::rules {

std::string line_ref(const SourceFile& src, std::size_t offset) {
  return "line " + std::to_string(src.line_of(offset));
}

std::string row_name(const Tracker& t, std::size_t row) {
  if (!t.table) return {};
  const Cell* c = t.table->cell(t.table->rows[row], t.schema->name_column);
  return c ? std::string(c->text) : std::string();
}

bool policy_requires(const Tracker& t, const Entry& e, std::size_t section) {
  if (!t.table || e.row == npos) return false;
  for (const Policy& p : t.schema->policies) {
    if (p.section != section) continue;
    const Cell* cell = t.table->cell(t.table->rows[e.row], p.column);
    if (!cell) continue;
    const std::string value = canonical_cell_text(&t.schema->columns[p.column], cell->text);
    for (const auto& v : p.values) {
      if (v == value) return true;
    }
  }
  return false;
}

}  // namespace mdrisk::rules
