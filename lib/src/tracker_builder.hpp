#pragma once
#include "mdrisk/tracker.hpp"

namespace mdrisk {

// How cmark sees the Summary Table's cells: blanked (see table_blanking.hpp;
// the model is the same either way) or as written (for tests to compare).
enum class TableCells { Blanked, AsWritten };

// parse_tracker for a loop of passes (--fix): `previous` is emptied and the
// memory of its tree, when nothing else holds it, is reused for the new one.
Tracker parse_tracker(const SourceFile& source, const Schema& schema, Tracker* previous,
                      TableCells cells = TableCells::Blanked);

}  // namespace mdrisk
