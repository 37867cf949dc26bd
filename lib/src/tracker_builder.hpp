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
// KeepTree::No drops each part's tree as soon as it is modelled (and
// signed): the model's node pointers are then null, `document` has no root,
// and content_signature cannot be taken later. Peak memory is then one
// part's tree instead of the document's (~100 MB at 10k risks), and every
// part reuses memory that is already mapped and in cache.
enum class KeepTree { Yes, No };
Tracker parse_tracker(const SourceFile& source, const Schema& schema, Tracker* previous,
                      TableCells cells = TableCells::Blanked, ContentSignature* signature = nullptr,
                      KeepTree keep = KeepTree::Yes);

}  // namespace mdrisk
