#pragma once
#include "mdrisk/tracker.hpp"

namespace mdrisk {

// parse_tracker for a loop of passes (--fix): `previous` is emptied and the
// memory of its tree, when nothing else holds it, is reused for the new one.
Tracker parse_tracker(const SourceFile& source, const Schema& schema, Tracker* previous);

}  // namespace mdrisk
