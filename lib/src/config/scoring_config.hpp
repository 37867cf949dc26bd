#pragma once
// Reads the scoring keys of `.mdrisk.toml` into Schema::scoring: a column's
// `scale` or `levels`, `[score]`, `[bands]` and `[order]`. Called by
// config.cpp once the columns are known.
#include <string>
#include <toml++/toml.h>

#include "mdrisk/schema.hpp"

namespace mdrisk::config {

// A problem in a scoring key: config.cpp turns it into "line L: message".
struct ScoringConfigError {
  toml::source_region where;
  std::string message;
};

// The keys a `[[columns]]` table may hold besides config.cpp's own.
inline constexpr std::string_view kColumnScaleKeys[] = {"scale", "levels"};

// Fills `schema.scoring` from `root` (the whole config, `extend` merged);
// throws ScoringConfigError.
void parse_scoring(const toml::table& root, Schema& schema);

// A formula as `[score] formula` takes it: `likelihood * impact`, `a*b + c`,
// `severity × occurrence × detection`. Column keys are resolved against
// `schema`. On error, returns false and sets `problem`.
bool parse_formula(std::string_view text, const Schema& schema, ScoreFormula& out, std::string& problem);

}  // namespace mdrisk::config
