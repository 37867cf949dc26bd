#pragma once
// `mdrisk init --from FILE`: a `.mdrisk.toml` that describes the register
// FILE already is (where its table is, its columns and the values seen in
// them, its entry headings, field syntax and style), so that a register
// consistent with itself lints clean and only its real inconsistencies
// are reported. It only sets options; it never turns a rule off.
#include <optional>
#include <string>

#include "mdrisk/source.hpp"

namespace mdrisk {

// The commented TOML text; nullopt when the file has neither a register
// table nor entries that look like risks.
std::optional<std::string> infer_config(const SourceFile& source);

}  // namespace mdrisk
