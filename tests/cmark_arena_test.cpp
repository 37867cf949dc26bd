// The per-document arena cmark-gfm allocates from (lib/src/markdown/cmark_arena.hpp):
// calloc semantics, in-place growth, reuse of released blocks, recycling.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "markdown/cmark_arena.hpp"
#include "markdown/markdown.hpp"

namespace {

using mdrisk::ArenaScope;
using mdrisk::CmarkArena;

bool all_zero(const void* p, std::size_t n) {
  const auto* b = static_cast<const unsigned char*>(p);
  for (std::size_t i = 0; i < n; ++i) {
    if (b[i] != 0) return false;
  }
  return true;
}

TEST(CmarkArena, BlocksAreZeroedAlignedAndDistinct) {
  CmarkArena arena;
  const ArenaScope scope(&arena);
  cmark_mem* mem = CmarkArena::allocator();
  auto* a = static_cast<char*>(mem->calloc(3, 10));
  auto* b = static_cast<char*>(mem->calloc(1, 100));
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(all_zero(a, 30));
  EXPECT_TRUE(all_zero(b, 100));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a) % 8, 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(b) % 8, 0u);
  EXPECT_TRUE(b >= a + 30 || a >= b + 100);  // no overlap
}

TEST(CmarkArena, ReallocKeepsTheBytesWhetherItGrowsInPlaceOrMoves) {
  CmarkArena arena;
  const ArenaScope scope(&arena);
  cmark_mem* mem = CmarkArena::allocator();
  auto* newest = static_cast<char*>(mem->calloc(1, 16));
  std::memcpy(newest, "0123456789abcdef", 16);
  auto* grown = static_cast<char*>(mem->realloc(newest, 4096));
  EXPECT_EQ(grown, newest);  // the newest block grows where it is
  EXPECT_EQ(std::string(grown, 16), "0123456789abcdef");
  auto* other = static_cast<char*>(mem->calloc(1, 8));
  auto* moved = static_cast<char*>(mem->realloc(grown, 8192));  // no longer the newest
  EXPECT_NE(moved, grown);
  EXPECT_EQ(std::string(moved, 16), "0123456789abcdef");
  EXPECT_NE(other, moved);
}

TEST(CmarkArena, ReleasedSmallBlocksAreHandedOutAgainZeroed) {
  CmarkArena arena;
  const ArenaScope scope(&arena);
  cmark_mem* mem = CmarkArena::allocator();
  auto* a = static_cast<char*>(mem->calloc(1, 40));
  auto* keep = static_cast<char*>(mem->calloc(1, 40));  // so `a` is not the newest
  std::memset(a, 0xAB, 40);
  mem->free(a);
  auto* again = static_cast<char*>(mem->calloc(1, 40));
  EXPECT_EQ(again, a);  // from the free list for its size
  EXPECT_TRUE(all_zero(again, 40));
  EXPECT_NE(keep, again);
}

TEST(CmarkArena, LargeRequestsGetTheirOwnChunkAndResetKeepsTheMemory) {
  CmarkArena arena;
  {
    const ArenaScope scope(&arena);
    cmark_mem* mem = CmarkArena::allocator();
    auto* big = static_cast<char*>(mem->calloc(1, 40u << 20));  // larger than any chunk
    ASSERT_NE(big, nullptr);
    big[(40u << 20) - 1] = 1;
  }
  const std::size_t reserved = arena.bytes_reserved();
  EXPECT_GE(reserved, std::size_t{40} << 20);
  arena.reset();
  {
    const ArenaScope scope(&arena);
    auto* again = static_cast<char*>(CmarkArena::allocator()->calloc(1, 40u << 20));
    EXPECT_TRUE(all_zero(again + (40u << 20) - 64, 64));  // reused memory is zeroed again
  }
  EXPECT_EQ(arena.bytes_reserved(), reserved);  // nothing new was mapped
}

TEST(CmarkArena, OutsideAnyScopeCmarkGetsHeapBlocksItCanFree) {
  cmark_mem* mem = CmarkArena::allocator();
  auto* p = static_cast<char*>(mem->calloc(2, 8));
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(all_zero(p, 16));
  p = static_cast<char*>(mem->realloc(p, 1 << 16));
  p[(1 << 16) - 1] = 1;
  mem->free(p);  // LeakSanitizer checks this really went back to the heap
}

TEST(CmarkArena, ARecycledDocumentParsesTheSameTree) {
  const std::string md = "# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- **Context**: x\n  - y\n";
  auto first = mdrisk::ParsedDocument::parse(md);
  const std::string html = first->render_html(first->root());
  std::shared_ptr<const mdrisk::ParsedDocument> held = std::move(first);
  auto memory = mdrisk::ParsedDocument::recycle(std::move(held));
  ASSERT_NE(memory, nullptr);
  auto second = mdrisk::ParsedDocument::parse(md, std::move(memory));
  EXPECT_EQ(second->render_html(second->root()), html);
}

TEST(CmarkArena, ASharedDocumentIsNotRecycled) {
  std::shared_ptr<const mdrisk::ParsedDocument> doc = mdrisk::ParsedDocument::parse("text\n");
  auto other = doc;
  EXPECT_EQ(mdrisk::ParsedDocument::recycle(std::move(doc)), nullptr);
  EXPECT_NE(other->root(), nullptr);  // still usable by its other holder
}

}  // namespace

// Each thread keeps the chunks of destroyed arenas for its next document
// (no mmap/munmap per file, which serialised -j): memory handed out again
// from such a chunk must still read as zero.
namespace {

TEST(CmarkArena, ChunksKeptForTheNextDocumentComeBackZeroed) {
  for (int round = 0; round < 3; ++round) {
    CmarkArena arena;
    const ArenaScope scope(&arena);
    auto* p = static_cast<unsigned char*>(CmarkArena::allocator()->calloc(1, 60000));
    ASSERT_TRUE(all_zero(p, 60000)) << "round " << round;
    std::memset(p, 0xFF, 60000);  // dirty it for the next round
  }
}

}  // namespace
