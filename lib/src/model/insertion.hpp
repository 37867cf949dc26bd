#pragma once
// Questions a fix asks the model before it inserts text: would the inserted
// heading really start a new block there? Answered by parsing, which only the
// model layer may do (rules read the model, never cmark).
#include <cstddef>
#include <string_view>

#include "mdrisk/tracker.hpp"

namespace mdrisk {

bool stub_lands(const Tracker& t, const SourceFile& src, std::size_t insert_at, std::string_view eol);

}  // namespace mdrisk
