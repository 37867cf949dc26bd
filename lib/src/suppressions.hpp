#pragma once
// Inline suppressions, written as HTML comments so they never render:
//   <!-- mdrisk-disable MR302,MR404 --> ... <!-- mdrisk-enable -->
//   <!-- mdrisk-disable-next-line MR201 -->
//   <!-- mdrisk-disable-file MR102 -->
// Without codes a directive covers every rule. Codes or rule names may be used.
#include <string>
#include <vector>

#include "mdrisk/diagnostic.hpp"
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

std::vector<Directive> scan_directives(const SourceFile& source);

// Removes suppressed diagnostics and marks the directives that suppressed any.
void apply_suppressions(const SourceFile& source, std::vector<Diagnostic>& diagnostics,
                        std::vector<Directive>& directives);

}  // namespace mdrisk
