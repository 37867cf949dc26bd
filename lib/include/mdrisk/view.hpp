#pragma once
// A generated view in a document: the lines between
// `<!-- mdrisk:view NAME ARGS -->` and `<!-- mdrisk:end -->`, whose content
// mdrisk owns (lint reports it stale, --fix regenerates it). The model
// records where each one is; nothing inside is read as part of the register.
#include <cstddef>
#include <string>
#include <vector>

#include "mdrisk/source.hpp"

namespace mdrisk {

struct ViewBlock {
  std::string name;               // "matrix", "counts", "top", "summary-table", or what was written
  std::vector<std::string> args;  // the words after the name ("5" in `top 5`)
  std::size_t open_line = 0;      // the line of `<!-- mdrisk:view ... -->`
  ByteRange open;                 // that comment line, without its line ending
  bool closed = false;            // an end marker follows
  std::size_t close_line = 0;     // the line of `<!-- mdrisk:end -->` (when closed)
  ByteRange close;
  // What mdrisk owns: from the line after the open marker to the start of
  // the end marker's line (when closed).
  ByteRange content;
};

// An end marker with no view open before it.
struct StrayViewEnd {
  std::size_t line = 0;
  ByteRange range;
};

}  // namespace mdrisk
