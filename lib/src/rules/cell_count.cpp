// MR103 cell-count: every row has as many cells as the header.
// Why: GFM silently drops extra cells and pads missing ones, so the rendered
// table hides text the author wrote or shows a value in the wrong column.
#include "rules/all.hpp"

namespace mdrisk::rules {

void check_cell_count(const Tracker& t, RuleContext& ctx) {
  for (const Table* table : t.tables()) {
    const std::size_t want = table->header.cells.size();
    for (const Row& row : table->rows) {
      const std::size_t have = row.cells.size();
      if (have == want) continue;
      std::string msg = "row has " + std::to_string(have) + " cells but the header has " + std::to_string(want);
      if (have > want) msg += "; cells past the last column are not rendered";
      ctx.report(kCellCount, row.range, msg);
    }
  }
}

}  // namespace mdrisk::rules
