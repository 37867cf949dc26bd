#pragma once
#include "mdrisk/tracker.hpp"

namespace mdrisk {

// How cmark sees the Summary Table's cells: blanked (see table_blanking.hpp;
// the model is the same either way) or as written (for tests to compare).
enum class TableCells { Blanked, AsWritten };

class SignatureBuilder;

// parse_tracker for a loop of passes (--fix): `previous` is emptied and the
// memory of its tree, when nothing else holds it, is reused for the new one.
// `signer`, when given (new, for this document), signs the document's blocks
// and entries while the model is built (cheaper than walking the finished
// tree again); signer->finish(result) then equals content_signature(result).
// KeepTree::No drops each part's tree as soon as it is modelled (and
// signed): the model's node pointers are then null, `document` has no root,
// and content_signature cannot be taken later. Peak memory is then one
// part's tree instead of the document's (~100 MB at 10k risks), and every
// part reuses memory that is already mapped and in cache.
enum class KeepTree { Yes, No };
Tracker parse_tracker(const SourceFile& source, const Schema& schema, Tracker* previous,
                      TableCells cells = TableCells::Blanked, SignatureBuilder* signer = nullptr,
                      KeepTree keep = KeepTree::Yes);

}  // namespace mdrisk
