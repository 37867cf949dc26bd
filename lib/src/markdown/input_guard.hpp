#pragma once
// The input guard: one linear pass over the bytes cmark-gfm is about to
// parse, refusing the classes of construct that make Debian's cmark-gfm
// 0.29.0.gfm.6 (which lacks upstream's 2023 fixes) superlinear in time or
// memory. Refusing is the only sound answer: mdrisk cannot change how the
// parser underneath behaves, and a truncated or altered parse would make
// the model and --fix wrong.
//
// What is counted, and why it bounds the parse (bench/pathological/ has
// every class at 100 KB, 300 KB and 1 MB; docs/RELIABILITY.md the figures):
//  * Nesting: block quotes and list items open at once. Every line walks
//    the open containers (quadratic in depth × lines; deep quotes also
//    slow emphasis). A line's depth is at most the `>` and list markers
//    in its prefix plus half its indentation (a nested list item needs at
//    least two columns), so the line that opens the deepest container
//    shows it.
//  * Per paragraph: emphasis delimiter runs (`*`, `_`), link and image
//    openers (`[`, and `![` apart: images are the quadratic case), HTML openers that need a far end (`<!` for comments,
//    declarations and CDATA, `<?`), and table delimiter rows that start no
//    table. cmark's cost in each is at most (openers) × (paragraph bytes),
//    so a fixed limit per paragraph makes it linear in the input. A
//    "paragraph" here is never smaller than cmark's: it ends only at a
//    blank line, a line of only `>`, an ATX heading or a list item that
//    certainly interrupts a paragraph (so splitting it differently can
//    never hide openers from the count).
//  * Tables: cells on one line (the row splitter is quadratic in them) and
//    columns × rows of a table (short rows are padded to the header's
//    width, one node per cell).
// The Summary Table reaches cmark blanked (table_blanking.hpp), so its
// cells count nothing; its pipes still count. Escaped characters
// (`\*`) count nothing. ParsedDocument::parse runs it on every parse and
// throws InputRefused (mdrisk/error.hpp) with GuardRefusal::message().
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mdrisk {

struct GuardLimits {
  std::size_t max_nesting = 100;          // block quotes + list items open at once
  std::size_t max_openers = 1000;         // of each kind, per paragraph (`[` aside)
  std::size_t max_brackets = 10000;       // `[` per paragraph: linear in cmark but for `![`, counted apart
  std::size_t max_cells_per_line = 256;   // unescaped `|` + 1 on one line
  std::size_t table_cells_slack = 65536;  // a table's columns × rows may exceed its bytes by this
};

struct GuardRefusal {
  std::size_t line = 0;     // 1-based line of the body (LF, CRLF or a lone CR end one, as in SourceFile)
  std::string construct;    // what was refused, for "line N: <construct>"
  std::string message() const;
};

// The first construct over a limit in `body` read with `replace` over
// [replace_at, replace_at + replace.size()) (see ParsedDocument::parse), or
// nullopt. Linear in the input, allocation-free.
std::optional<GuardRefusal> scan_input(std::string_view body, std::string_view replace = {},
                                       std::size_t replace_at = 0, const GuardLimits& limits = {});

}  // namespace mdrisk
