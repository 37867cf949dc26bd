#pragma once
// What a generated view in a document should hold. The view rules compare
// it with what is there, and their fix writes it.
#include <optional>
#include <string>
#include <string_view>

#include "mdrisk/tracker.hpp"

namespace mdrisk::report {

constexpr std::size_t kDefaultTop = 10;
constexpr std::size_t kMaxTop = 1000;

// The problem with a view's name or arguments ("unknown view 'heatmap'"),
// or nullopt when mdrisk can generate it.
std::optional<std::string> view_problem(const ViewBlock& view);

// The bytes a valid view's content should be: a blank line, the generated
// Markdown, a blank line; each line ending in `eol`.
std::string view_content(const Tracker& t, const ViewBlock& view, std::string_view eol);

}  // namespace mdrisk::report
