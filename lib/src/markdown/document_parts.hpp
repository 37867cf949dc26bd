#pragma once
// Where a large document may be cut into parts that cmark-gfm parses one
// after another with the same result as parsing it whole.
//
// Why: cmark builds a tree ~15 times the size of its input and then walks
// all of it (inline parsing, text consolidation), and mdrisk walks it again
// for the model. On a 10k-risk tracker that tree is ~100 MB, so every walk
// misses the caches. Parsed in parts of ~64 KB, each part's tree is still in
// cache when cmark and the model builder walk it (bench/RESULTS.md).
//
// A cut goes before a line L only where no block can continue across it:
//  * L is an ATX heading at column 0 ("#", "##" or "###", then a space, a
//    tab or the end of the line), so no container (list item, block quote)
//    continues into it and it is not paragraph text; and it ends any
//    detailed entry, so every entry lies within one part (levels 4 to 6
//    belong to the entry before them);
//  * the line before L is blank, so no paragraph or table is open;
//  * the document contains no "]:" at all, so it has no link reference
//    definition (the one thing cmark resolves across the whole document;
//    footnotes are not enabled);
//  * the document has no lone CR (cmark ends lines there; the parts' line
//    numbers are counted in LFs).
// What these rules cannot see from the bytes is a top-level fenced code or
// HTML block left open before L (L would be its content): ParsedDocument
// checks each part's last block and parses the rest whole when it is one.
#include <cstddef>
#include <string_view>
#include <vector>

namespace mdrisk {

struct PartStart {
  std::size_t offset = 0;     // byte offset of the part's first line in the body
  std::size_t line_base = 0;  // lines before it: add to cmark's line numbers
};

// The parts of `body`, the first always at offset 0. Parts are at least
// `target_bytes` long except the last; a document shorter than two targets,
// or without a safe cut, is one part.
std::vector<PartStart> document_parts(std::string_view body, std::size_t target_bytes);

// The part size used by parse_tracker (64 KiB). Tests lower it to cut at
// every safe point; it is process-wide.
std::size_t part_target_bytes();
void set_part_target_bytes(std::size_t bytes);

}  // namespace mdrisk
