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
#include "base/directive.hpp"

namespace mdrisk {


std::vector<Directive> scan_directives(const SourceFile& source);

// Removes suppressed diagnostics and marks the directives that suppressed any.
void apply_suppressions(const SourceFile& source, std::vector<Diagnostic>& diagnostics,
                        std::vector<Directive>& directives);

}  // namespace mdrisk
