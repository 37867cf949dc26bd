#pragma once
// The Summary Table's cells, blanked before cmark-gfm parses the document.
//
// Why: mdrisk reads every cell from the source bytes (the model splits rows
// itself; the verifier compares cells from the source and skips the table's
// block), so cmark's inline parsing of the table's cells is wasted work, a
// sizeable share of a parse on large trackers and paid twice by --fix
// (bench/RESULTS.md, e5e7a41).
//
// Why it cannot change anything else: a blanked line keeps its length, its
// line ending, its indentation, every unescaped pipe, every backslash
// escape and whatever follows its last pipe; every other byte (the cells
// between pipes) becomes a space. Its first non-space character is
// still '|', which begins no block in CommonMark or GFM, so no line starts
// or stops being a block start; it is still not blank; and cmark-gfm's row
// splitter (unescaped pipes, escapes) still finds the same cells. Delimiter
// rows are left alone. So the blocks and every source position are those of
// the original; only the inline content of blanked cells differs.
// Whatever the region guess below gets wrong, parse_tracker checks that
// every blanked line ended up inside the managed table, and parses the
// original bytes when one did not.
#include <cstddef>
#include <optional>
#include <string>

#include "mdrisk/schema.hpp"
#include "mdrisk/source.hpp"

namespace mdrisk {

struct BlankedRows {
  std::size_t body_offset = 0;  // where `bytes` replaces the body (SourceFile::body())
  std::string bytes;            // the rows, blanked; same length as what they replace
  std::size_t first_line = 0, last_line = 0;  // SourceFile lines of the rows
};

// The contiguous run of `|` lines right after the first `## <table heading>`
// line (blank lines between allowed), blanked. nullopt when there is no such
// heading or fewer than two such lines.
std::optional<BlankedRows> blank_summary_table(const SourceFile& source, const Schema& schema);

}  // namespace mdrisk
