#pragma once
// `mdrisk server`: a Language Server Protocol 3.17 server over stdio.
#include <string>

#include "server/analysis.hpp"

namespace mdrisk::server {

struct ServerOptions {
  ConfigChoice config;   // --config / --no-config / --select / --ignore, as for a lint run
  // Edits less than this far apart are linted once the document has been
  // quiet this long; an edit after a longer pause is linted at once.
  // initializationOptions.debounceMs overrides it.
  int debounce_ms = 50;
};

// Serves on standard input/output until `exit` (or end of input). Returns
// the process exit code: 0 after shutdown + exit, 1 otherwise, as the
// protocol asks.
int run_server(const ServerOptions& options);

}  // namespace mdrisk::server
