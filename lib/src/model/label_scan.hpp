#pragma once
// Bold labels inside raw text, as registers write entry fields:
//   **Likelihood:** HIGH. **Severity:** MEDIUM.     two labels on one line
//   **Risk:** text  /  **Owner**: text  /  **Mitigation**
// Offsets are relative to the text passed in. A bold span counts as a label
// only at the start, or later on the line when a colon marks it (inside or
// right after the stars): "a **very** bad idea" is emphasis, not a field.
#include <cstddef>
#include <string_view>
#include <vector>

namespace mdrisk {

struct LabelHit {
  std::size_t begin = 0, end = 0;            // "**Label:**" or "**Label**:" with its colon
  std::size_t name_begin = 0, name_end = 0;  // "Label"
  bool colon = false;                        // a colon is written (inside or outside)
  bool colon_inside = false;
  std::size_t value_begin = 0, value_end = 0;  // the text up to the next label, trimmed
};

// The labels on `line` (one line, no line ending). `first_only`: only a
// label at the very start counts.
std::vector<LabelHit> scan_labels(std::string_view line, bool first_only);

}  // namespace mdrisk
