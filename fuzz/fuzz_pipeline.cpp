// libFuzzer target over the whole pipeline (SourceFile::from_bytes, lint,
// fix_source safe and unsafe). The properties it checks are listed in
// properties.hpp; a broken one aborts so libFuzzer saves the input.
// Build and run: fuzz/run.sh SECONDS.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string broken =
      mdrisk::fuzz::check_pipeline(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!broken.empty()) {
    std::fprintf(stderr, "\n*** property broken: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}
