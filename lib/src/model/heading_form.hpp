#pragma once
// Entry headings as registers write them: "{id}: {title}", "{id} — {title}",
// "{id} - {title}", "{id} {title}", "{id}" or "{title}". A pattern is
// literal text around at most one {id} and one {title}.
#include <string_view>

#include "mdrisk/schema.hpp"

namespace mdrisk {

struct HeadingParts {
  bool matched = false;
  std::string_view id;     // empty when the pattern has no {id}
  std::string_view title;  // empty when the pattern has no {title}
};

// Splits `heading` (its text, trimmed) by `pattern`. The literal between
// {id} and {title} ends the ID at its first occurrence, so a title may
// contain it again ("R-01 - Pre-flight checks" with "{id} - {title}").
HeadingParts split_heading(std::string_view pattern, std::string_view heading);

// How closely the title must follow the row's name (Schema::title_check):
// exact after normalisation (case, spaces, emphasis); prefix (the heading's
// words start the row's text); words (each of its words is in the row's
// text, in order); off.
bool title_fits(TitleCheckMode check, std::string_view heading_title, std::string_view row_title);

}  // namespace mdrisk
