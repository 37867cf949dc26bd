#pragma once
// One finding as the json format writes it; shared by json and json-lines.
#include <nlohmann/json.hpp>

#include "mdrisk/diagnostic.hpp"
#include "mdrisk/source.hpp"

namespace mdrisk {

nlohmann::json finding_json(const SourceFile& src, const Diagnostic& d);

}  // namespace mdrisk
