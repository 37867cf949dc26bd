#pragma once
// file:// URIs and local paths (RFC 8089 as editors write them: percent
// encoding, an empty or "localhost" authority).
#include <optional>
#include <string>
#include <string_view>

namespace mdrisk::server {

// The local path of a file: URI, or nullopt for other schemes (untitled:, ...).
std::optional<std::string> path_from_uri(std::string_view uri);
// A file: URI for an absolute path, percent-encoding what URIs do not allow.
std::string uri_from_path(std::string_view path);

}  // namespace mdrisk::server
