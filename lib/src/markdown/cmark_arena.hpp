#pragma once
// A bump allocator for one cmark-gfm tree. cmark allocates every node, every
// text chunk and every buffer growth separately; with glibc's malloc,
// allocating them and freeing the tree afterwards was a measurable share of
// every lint and --fix run (bench/RESULTS.md, 8bbb4fc), while cmark-gfm's own
// CLI avoids it with its arena. cmark's arena is one process-wide object (not usable with -j), so
// this one belongs to a document: nothing is freed until the document is
// (but small blocks it frees are reused, as is the memory of a recycled tree,
// and each thread keeps up to 16 MiB of chunks for its next document).
//
// cmark_mem's callbacks take no context. Each block therefore starts with a
// size header, and blocks come from (and are resized in) the arena made
// current on this thread by an ArenaScope. Every cmark call on a document's
// tree runs inside its scope: getters such as cmark_node_get_literal
// allocate too.
#include <cmark-gfm.h>

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace mdrisk {

class CmarkArena {
 public:
  CmarkArena() = default;
  ~CmarkArena();
  CmarkArena(const CmarkArena&) = delete;
  CmarkArena& operator=(const CmarkArena&) = delete;

  // The allocator to hand to cmark (the same for every arena).
  static cmark_mem* allocator();

  void* allocate(std::size_t size);  // zeroed, 8-byte aligned
  void* reallocate(void* block, std::size_t size);
  // Takes back the newest block (cmark frees many temporaries, such as
  // emphasis delimiters and table rows, right after making them); any
  // other block stays until the arena goes.
  void release(void* block);
  // Forgets every block but keeps the memory for the next tree: a --fix
  // pass parses a document the size of the last one, and fresh pages cost
  // a page fault each.
  void reset();
  std::size_t bytes_reserved() const { return reserved_; }

 private:
  struct Chunk {
    std::byte* memory = nullptr;
    std::size_t size = 0, used = 0;
  };
  static Chunk map_chunk(std::size_t size);  // from this thread's pool, or fresh
  static Chunk map_fresh(std::size_t size);
  std::byte* take(std::size_t bytes);  // from the current chunk or a new one
  std::vector<Chunk> chunks_;
  std::size_t current_ = 0;          // the chunk blocks come from
  std::array<void*, 33> free_lists_{};  // released blocks of 0, 8, ... 256 bytes
  std::byte* last_block_ = nullptr;  // the newest block, which may grow in place
  std::size_t reserved_ = 0;
};

// Makes `arena` the one new cmark blocks come from on this thread, until the
// scope ends (scopes nest). Outside any scope cmark gets plain heap blocks.
class ArenaScope {
 public:
  explicit ArenaScope(CmarkArena* arena);
  ~ArenaScope();
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;

 private:
  CmarkArena* previous_;
};

}  // namespace mdrisk
