#pragma once
// An `<!-- mdrisk-... -->` comment as found in a document: what the
// suppression logic applies and what MR501 reports when it suppresses
// nothing. Data only; lint/suppressions.hpp finds and applies them.
#include <cstddef>
#include <string>
#include <vector>

#include "mdrisk/source.hpp"

namespace mdrisk {

struct Directive {
  enum class Kind { Disable, Enable, DisableNextLine, DisableFile } kind = Kind::Disable;
  std::vector<std::string> codes;  // as written; empty = all rules
  std::size_t line = 0;
  ByteRange range;                 // the comment itself
  bool whole_line = false;         // the comment is alone on its line
  bool used = false;
};

}  // namespace mdrisk
