#pragma once
// The model builder's full interface, for the layers that need more than the
// pure model: the fix loop (memory reuse, verification while building) and
// the tests and fuzz properties that compare the model with cmark's tree.
#include <memory>
#include <vector>

#include "mdrisk/tracker.hpp"

struct cmark_node;

namespace mdrisk {

class ParsedDocument;

// How cmark sees the Summary Table's cells: blanked (see table_blanking.hpp;
// the model is the same either way) or as written (for tests to compare).
enum class TableCells { Blanked, AsWritten };

// The cmark nodes behind one entry: one per top-level item of its list
// (Entry::items), and the body's other blocks.
struct EntryNodes {
  std::vector<cmark_node*> items;
  std::vector<cmark_node*> other_blocks;
};

// cmark's tree behind a model, for those that read rendered content
// (verification, tests): one node per Tracker::blocks and the nodes of each
// of Tracker::entries. Valid while `document` lives.
struct TrackerTree {
  std::shared_ptr<ParsedDocument> document;
  std::vector<cmark_node*> blocks;
  std::vector<EntryNodes> entries;
};

// Sees each block and each complete entry, with its nodes, while its part's
// tree is alive: the fix layer's verifier signs the document this way
// (fix/content_signature.hpp) so that no tree need be kept. The model layer
// knows nothing of verification; it only offers the moment. Calls run in
// the tree's ArenaScope.
class BuildObserver {
 public:
  virtual ~BuildObserver() = default;
  virtual void block(const Tracker& t, const Block& b, cmark_node* node) = 0;
  // `e` is complete: no more blocks will join it.
  virtual void entry(const Tracker& t, const Entry& e, const EntryNodes& nodes) = 0;
  // The builder starts over (the blanked parse fell back to the document as
  // written): forget everything seen so far.
  virtual void restart() = 0;
};

struct BuildOptions {
  TableCells cells = TableCells::Blanked;
  // Sees the document's blocks and entries while the model is built
  // (cheaper than walking a finished tree again); nullptr for none.
  BuildObserver* observer = nullptr;
  // Where to keep cmark's tree; nullptr (lint, --fix) drops each part's tree
  // as soon as it is modelled (and observed): peak memory is then one part's
  // tree instead of the document's (~100 MB at 10k risks), and every part
  // reuses memory that is already mapped and in cache.
  TrackerTree* tree = nullptr;
  // For a loop of parses (--fix): in, a previous parse's memory to reuse;
  // out, this parse's (unless the tree is kept, which holds it).
  std::shared_ptr<ParsedDocument>* memory = nullptr;
};

Tracker parse_tracker(const SourceFile& source, const Schema& schema, const BuildOptions& options);

// A model with the tree it was built from, for comparing the two (tests,
// fuzz properties, benchmarks of the verifier).
struct TrackerWithTree {
  TrackerTree tree;
  Tracker tracker;
};
TrackerWithTree parse_tracker_with_tree(const SourceFile& source, const Schema& schema,
                                        TableCells cells = TableCells::Blanked);

}  // namespace mdrisk
