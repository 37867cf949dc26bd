#pragma once
#include "mdrisk/tracker.hpp"

namespace mdrisk {

// How cmark sees the Summary Table's cells: blanked (see table_blanking.hpp;
// the model is the same either way) or as written (for tests to compare).
enum class TableCells { Blanked, AsWritten };

// Sees each block and each complete entry while its part's tree is alive,
// before the tree is dropped: the fix layer's verifier signs the document
// this way (fix/content_signature.hpp). The model layer knows nothing of
// verification; it only offers the moment.
class BuildObserver {
 public:
  virtual ~BuildObserver() = default;
  virtual void block(const Tracker& t, const Block& b) = 0;
  virtual void entry(const Tracker& t, const Entry& e) = 0;
  // The builder starts over (the blanked parse fell back to the document as
  // written): forget everything seen so far.
  virtual void restart() = 0;
};

// parse_tracker for a loop of passes (--fix): `previous` is emptied and the
// memory of its tree, when nothing else holds it, is reused for the new one.
// `observer`, when given (new, for this document), sees the document's
// blocks and entries while the model is built (cheaper than walking the
// finished tree again).
// KeepTree::No drops each part's tree as soon as it is modelled (and
// signed): the model's node pointers are then null, `document` has no root,
// and content_signature cannot be taken later. Peak memory is then one
// part's tree instead of the document's (~100 MB at 10k risks), and every
// part reuses memory that is already mapped and in cache.
enum class KeepTree { Yes, No };
Tracker parse_tracker(const SourceFile& source, const Schema& schema, Tracker* previous,
                      TableCells cells = TableCells::Blanked, BuildObserver* observer = nullptr,
                      KeepTree keep = KeepTree::Yes);

}  // namespace mdrisk
