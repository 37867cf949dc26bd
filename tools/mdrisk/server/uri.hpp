#pragma once
// file:// URIs as editors write them (RFC 8089: percent encoding, an empty
// or "localhost" authority) to local paths.
#include <optional>
#include <string>
#include <string_view>

namespace mdrisk::server {

// The local path of a file: URI, or nullopt for other schemes (untitled:, ...).
// The server only reads paths (to find a file's .mdrisk.toml); every URI it
// sends back is one the client gave it, unchanged.
std::optional<std::string> path_from_uri(std::string_view uri);

}  // namespace mdrisk::server
