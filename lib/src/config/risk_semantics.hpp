#pragma once
// `[dates]`, `[lifecycle]`, `[ids]` and the lifecycle keys of
// `[[policies]]`: read here, apart from the layout keys in config.cpp.
#include <string>
#include <toml++/toml.h>

#include "mdrisk/schema.hpp"

namespace mdrisk::config_detail {

// Reports a problem at a node and does not return (config.cpp's `fail`,
// which names the line and, for an inherited file, the file).
using FailFn = void (*)(const toml::node&, const std::string&);

// Reads the three tables into `s`, once its columns and sections are known.
void parse_risk_semantics(const toml::table& root, Schema& s, FailFn fail);


// Reads `class`, `require` and `require-one-of` of one policy (the column
// trigger and `require-section` are config.cpp's), and checks that the
// policy has one trigger and at least one requirement.
void parse_policy_lifecycle(const toml::table& t, const Schema& s, Policy& p, FailFn fail);

}  // namespace mdrisk::config_detail
