#pragma once
// FNV-1a, 64 bits: deterministic on every platform and run (std::hash is
// not), for fingerprints that must match across runs and machines.
#include <cstdint>
#include <string_view>

namespace mdrisk::output {

inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace mdrisk::output
