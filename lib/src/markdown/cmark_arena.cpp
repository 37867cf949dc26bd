#include "markdown/cmark_arena.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <new>

#include <sys/mman.h>

namespace mdrisk {
namespace {

thread_local CmarkArena* t_current = nullptr;

// 8 bytes before every block, as in cmark's own arena: most of cmark's
// blocks are small, and a 16-byte header (with the arena's address) made
// large trees markedly larger (bench/RESULTS.md, 8bbb4fc). The block's arena is therefore the
// thread's current one, which is why every cmark call runs in its scope.
struct Header {
  std::uint64_t size : 63;  // usable bytes
  std::uint64_t heap : 1;   // allocated outside any scope: a malloc block
};
static_assert(sizeof(Header) == 8);
constexpr std::size_t kAlign = alignof(std::max_align_t) > 8 ? 8 : alignof(std::max_align_t);

constexpr std::size_t kFirstChunk = std::size_t{64} << 10;
constexpr std::size_t kLargestChunk = std::size_t{16} << 20;

std::size_t round_up(std::size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

Header* header_of(void* block) { return static_cast<Header*>(block) - 1; }

[[noreturn]] void out_of_memory() { throw std::bad_alloc(); }

CmarkArena& current_arena() {
  // An arena block touched outside its document's scope: a bug in mdrisk
  // that would otherwise corrupt memory silently.
  if (!t_current) std::abort();
  return *t_current;
}

void* heap_allocate(std::size_t size) {
  auto* h = static_cast<Header*>(std::calloc(1, sizeof(Header) + size));
  if (!h) out_of_memory();
  h->size = size;
  h->heap = 1;
  return h + 1;
}

void* mem_calloc(std::size_t count, std::size_t size) {
  if (size != 0 && count > (static_cast<std::size_t>(-1) - 64) / size) out_of_memory();
  const std::size_t bytes = count * size;
  return t_current ? t_current->allocate(bytes) : heap_allocate(bytes);
}

void* mem_realloc(void* block, std::size_t size) {
  if (!block) return mem_calloc(1, size);
  Header* h = header_of(block);
  if (!h->heap) return current_arena().reallocate(block, size);
  auto* grown = static_cast<Header*>(std::realloc(h, sizeof(Header) + size));
  if (!grown) out_of_memory();
  grown->size = size;
  return grown + 1;
}

void mem_free(void* block) {
  if (!block) return;
  Header* h = header_of(block);
  if (h->heap) {
    std::free(h);
  } else if (t_current) {
    t_current->release(block);  // otherwise it simply stays with its arena
  }
}

cmark_mem g_allocator{mem_calloc, mem_realloc, mem_free};

}  // namespace

cmark_mem* CmarkArena::allocator() { return &g_allocator; }

// Chunks come from mmap and go back with munmap, except that each thread
// keeps up to kPoolBytes of them for its next document. Linting 2,000 small
// files maps and unmaps ~8,000 chunks otherwise, and every mmap/munmap takes
// the process-wide memory-map lock: with -j 2 the two threads queued on it
// (2,000 files: -j 2 only 1.43x faster than -j 1 on two free cores), and
// every fresh chunk costs its page faults again.
// Transparent huge pages were tried (MADV_HUGEPAGE): a third faster when the
// kernel has free huge pages, twice as slow when it must compact memory
// first, so they are left to the system's default.
namespace {

constexpr std::size_t kPoolBytes = std::size_t{16} << 20;

struct ChunkPool {
  struct Entry {
    std::byte* memory;
    std::size_t size;
  };
  std::vector<Entry> chunks;
  std::size_t bytes = 0;
  ~ChunkPool();
};

thread_local ChunkPool t_pool;
// Set once this thread's pool is gone (thread or process exit): an arena
// destroyed later, say by a static object, unmaps instead. A plain bool
// stays readable after the pool's destructor has run.
thread_local bool t_pool_gone = false;

ChunkPool::~ChunkPool() {
  t_pool_gone = true;
  for (const Entry& c : chunks) ::munmap(c.memory, c.size);
}

}  // namespace

CmarkArena::Chunk CmarkArena::map_chunk(std::size_t size) {
  // The smallest pooled chunk that is large enough.
  if (t_pool_gone) return map_fresh(size);
  std::size_t best = t_pool.chunks.size();
  for (std::size_t i = 0; i < t_pool.chunks.size(); ++i) {
    const std::size_t have = t_pool.chunks[i].size;
    if (have >= size && (best == t_pool.chunks.size() || have < t_pool.chunks[best].size)) best = i;
  }
  if (best < t_pool.chunks.size()) {
    const ChunkPool::Entry c = t_pool.chunks[best];
    t_pool.chunks.erase(t_pool.chunks.begin() + static_cast<std::ptrdiff_t>(best));
    t_pool.bytes -= c.size;
    return Chunk{c.memory, c.size, 0};  // not zero: allocate() zeroes each block
  }
  return map_fresh(size);
}

CmarkArena::Chunk CmarkArena::map_fresh(std::size_t size) {
  void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) out_of_memory();
  return Chunk{static_cast<std::byte*>(p), size, 0};
}

CmarkArena::~CmarkArena() {
  for (const Chunk& c : chunks_) {
    if (!t_pool_gone && t_pool.bytes + c.size <= kPoolBytes) {
      t_pool.chunks.push_back({c.memory, c.size});
      t_pool.bytes += c.size;
    } else {
      ::munmap(c.memory, c.size);
    }
  }
}

void CmarkArena::reset() {
  for (Chunk& c : chunks_) c.used = 0;
  free_lists_.fill(nullptr);
  current_ = 0;
  last_block_ = nullptr;
}

std::byte* CmarkArena::take(std::size_t bytes) {
  // Chunks kept by reset() are reused in order before a new one is mapped.
  while (current_ < chunks_.size() && chunks_[current_].size - chunks_[current_].used < bytes) ++current_;
  if (current_ == chunks_.size()) {
    const std::size_t grown = chunks_.empty() ? kFirstChunk : std::min(chunks_.back().size * 2, kLargestChunk);
    chunks_.push_back(map_chunk(std::max(grown, bytes)));
    reserved_ += chunks_.back().size;
  }
  Chunk& c = chunks_[current_];
  std::byte* p = c.memory + c.used;
  c.used += bytes;
  return p;
}

void* CmarkArena::allocate(std::size_t size) {
  const std::size_t rounded = round_up(std::max<std::size_t>(size, 1));
  if (rounded < size) out_of_memory();
  if (rounded / kAlign < free_lists_.size()) {
    if (void*& head = free_lists_[rounded / kAlign]) {
      void* block = head;
      std::memcpy(&head, block, sizeof head);
      std::memset(block, 0, rounded);
      return block;
    }
  }
  const std::size_t bytes = sizeof(Header) + rounded;
  // The bump from the current chunk inline: through take(), which also
  // searches and maps chunks, every block paid for saving and restoring
  // six registers (~40 instructions a block, ~2% of --fix).
  std::byte* raw;
  if (current_ < chunks_.size() && chunks_[current_].size - chunks_[current_].used >= bytes) {
    Chunk& c = chunks_[current_];
    raw = c.memory + c.used;
    c.used += bytes;
  } else {
    raw = take(bytes);
  }
  auto* h = reinterpret_cast<Header*>(raw);
  h->size = bytes - sizeof(Header);
  h->heap = 0;
  // Released and reset blocks are handed out again: zero what cmark asks
  // to be zero.
  std::memset(h + 1, 0, h->size);
  last_block_ = reinterpret_cast<std::byte*>(h + 1);
  return h + 1;
}

void CmarkArena::release(void* block) {
  if (static_cast<std::byte*>(block) == last_block_) {
    Chunk& c = chunks_[current_];
    c.used = static_cast<std::size_t>(reinterpret_cast<std::byte*>(header_of(block)) - c.memory);
    last_block_ = nullptr;  // the block before is unknown
    return;
  }
  // Small blocks go on a list per size for the next allocation of that size
  // (text nodes merged by cmark's consolidation pass, delimiter records):
  // half of a large tracker's frees, a quarter of its bytes.
  const std::size_t size = header_of(block)->size;
  if (size / kAlign < free_lists_.size()) {
    void*& head = free_lists_[size / kAlign];
    std::memcpy(block, &head, sizeof head);
    head = block;
  }
}

void* CmarkArena::reallocate(void* block, std::size_t size) {
  Header* h = header_of(block);
  if (size <= h->size) return block;
  // The newest block grows in place when its chunk has room: cmark's
  // buffers grow while nothing else is allocated, one line at a time.
  const std::size_t extra = round_up(size) - h->size;
  if (static_cast<std::byte*>(block) == last_block_) {
    Chunk& c = chunks_[current_];
    if (c.size - c.used >= extra) {
      c.used += extra;
      h->size += extra;
      return block;
    }
  }
  void* moved = allocate(size);
  std::memcpy(moved, block, h->size);
  return moved;
}

ArenaScope::ArenaScope(CmarkArena* arena) : previous_(t_current) { t_current = arena; }
ArenaScope::~ArenaScope() { t_current = previous_; }

}  // namespace mdrisk
