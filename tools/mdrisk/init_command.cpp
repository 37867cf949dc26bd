// `mdrisk init`: write the built-in defaults as a commented .mdrisk.toml.
#include <sys/stat.h>

#include <cstdio>
#include <string>

#include "commands.hpp"
#include "mdrisk/config.hpp"

namespace mdrisk::cli {

int init_config(bool force) {
  const std::string path(mdrisk::kConfigFileName);
  struct stat st {};
  if (!force && ::stat(path.c_str(), &st) == 0) {
    print_error(path, "already exists (use `mdrisk init --force` to overwrite)");
    return kExitError;
  }
  FILE* f = std::fopen(path.c_str(), "wb");
  const std::string text = mdrisk::default_config_toml();
  if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
    print_error(path, "cannot write");
    return kExitError;
  }
  write_out("wrote " + path + " (the built-in defaults; edit it to describe your tracker)\n");
  return kExitClean;
}

}  // namespace mdrisk::cli
