// A register at a revision (or on disk) reduced to a snapshot: the parse
// happens here, once, and only the snapshot leaves, so the old version's
// text and model are dropped before the current file is linted.
#include <filesystem>
#include <memory>
#include <system_error>

#include "mdrisk/history.hpp"
#include "mdrisk/io.hpp"
#include "mdrisk/source.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk {
namespace {

using Snapshot = std::shared_ptr<const RegisterSnapshot>;

Result<Snapshot> reduce(Result<SourceFile> source, const Schema& schema, const std::string& label) {
  if (!source) return Error{source.error().kind, "at " + label + ": " + source.error().message};
  try {
    const Tracker t = parse_tracker(*source, schema);
    return Snapshot(std::make_shared<const RegisterSnapshot>(snapshot_register(t, label)));
  } catch (const InputRefused& refused) {
    return Error{ErrorKind::InvalidInput, "at " + label + ": " + refused.error().message};
  }
}

}  // namespace

Result<Snapshot> register_at_revision(const std::string& path, const std::string& revision, const Schema& schema,
                                      std::size_t max_size) {
  auto bytes = read_at_revision(path, revision);
  if (!bytes) return bytes.error();
  if (!*bytes) return Snapshot();
  if ((*bytes)->size() > max_size) return Error{ErrorKind::InvalidInput, "at " + revision + ": the file is too large"};
  return reduce(SourceFile::from_bytes(path, std::move(**bytes)), schema, revision);
}

Result<Snapshot> register_in_work_tree(const std::string& path, const Schema& schema, std::size_t max_size) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Snapshot();
  return reduce(read_source(path, max_size), schema, "working tree");
}

}  // namespace mdrisk
