#pragma once
#include "mdrisk/tracker.hpp"

namespace mdrisk {

// How cmark sees the Summary Table's cells: blanked (see table_blanking.hpp;
// the model is the same either way) or as written (for tests to compare).
enum class TableCells { Blanked, AsWritten };

struct ContentSignature;

// parse_tracker for a loop of passes (--fix): `previous` is emptied and the
// memory of its tree, when nothing else holds it, is reused for the new one.
// `signature`, when given, receives content_signature(result), built while
// the model is (cheaper than walking the finished tree again).
Tracker parse_tracker(const SourceFile& source, const Schema& schema, Tracker* previous,
                      TableCells cells = TableCells::Blanked, ContentSignature* signature = nullptr);

}  // namespace mdrisk
