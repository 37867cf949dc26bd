#pragma once
// Entry headings as registers write them: "{id}: {title}", "{id} — {title}",
// "{id} - {title}", "{id} {title}", "{id}" or "{title}". A pattern is
// literal text around at most one {id} and one {title}.
#include <string_view>

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

// How closely an entry heading's title must follow its row's name cell
// when entries link by ID.
enum class TitleCheck {
  Exact,   // same text after normalisation (case, spaces, emphasis)
  Prefix,  // the heading's title starts the row's text, at a word boundary
  Words,   // every word of the heading's title is in the row's text, in order
  Off,     // any title
};

bool title_fits(TitleCheck check, std::string_view heading_title, std::string_view row_title);

}  // namespace mdrisk
