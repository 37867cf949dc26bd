#pragma once
#include <string>

namespace mdrisk {

// A unified diff (3 lines of context) from `before` to `after`, with
// `--- a/<name>` / `+++ b/<name>` headers; empty when they are equal.
std::string unified_diff(const std::string& name, const std::string& before, const std::string& after);

}  // namespace mdrisk
