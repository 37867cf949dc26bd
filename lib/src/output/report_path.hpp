#pragma once
// The file name a CI report carries for a finding: the path as given or
// found ("--stdin-filename" for standard input), without a leading "./",
// escaped like every format escapes names (printable_name).
// The one place the gitlab, junit, rdjson and baseline formats take a path
// from, so that normalising or escaping file names changes one function.
#include <string>
#include <string_view>

#include "mdrisk/output.hpp"
#include "mdrisk/source.hpp"

namespace mdrisk::output {

inline std::string report_path(const SourceFile& source) {
  std::string_view p = source.name();
  while (p.starts_with("./")) p.remove_prefix(2);
  // Names that are not UTF-8 or hold control characters are escaped, as in
  // every other format: a report stays valid JSON and XML whatever the name.
  return printable_name(p);
}

}  // namespace mdrisk::output
