// `mdrisk init`: write the built-in defaults as a commented .mdrisk.toml, or
// (`--from FILE`) a description of the register FILE already is.
#include <sys/stat.h>

#include <cstdio>
#include <string>

#include "commands.hpp"
#include "mdrisk/config.hpp"
#include "mdrisk/infer.hpp"
#include "mdrisk/io.hpp"

namespace mdrisk::cli {

int init_config(bool force, const std::string& from) {
  const std::string path(mdrisk::kConfigFileName);
  struct stat st {};
  if (!force && ::stat(path.c_str(), &st) == 0) {
    print_error(path, "already exists (use `mdrisk init --force` to overwrite)");
    return kExitError;
  }
  std::string text = mdrisk::default_config_toml();
  std::string what = "the built-in defaults; edit it to describe your tracker";
  if (!from.empty()) {
    auto src = mdrisk::read_source(from);
    if (!src) {
      print_error(from, src.error().message);
      return kExitError;
    }
    auto inferred = mdrisk::infer_config(*src);
    if (!inferred) {
      print_error(from, "no register table or risk entries found to describe (`mdrisk init` writes the defaults)");
      return kExitError;
    }
    // What init writes must load: a config mdrisk cannot read would only
    // move the failure to the next run.
    if (auto cfg = mdrisk::parse_config(*inferred, path); !cfg) {
      print_error(from, "the inferred configuration does not load (" + cfg.error().message + "); please report this");
      return kExitError;
    }
    text = std::move(*inferred);
    what = "describing " + from + "; review it, then run `mdrisk " + from + "`";
  }
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
    print_error(path, "cannot write");
    return kExitError;
  }
  write_out("wrote " + path + " (" + what + ")\n");
  return kExitClean;
}

}  // namespace mdrisk::cli
