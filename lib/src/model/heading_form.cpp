#include "model/heading_form.hpp"

#include <string>
#include <vector>

#include "base/text.hpp"

namespace mdrisk {
namespace {

std::string_view strip_prefix(std::string_view s, std::string_view prefix, bool* ok) {
  *ok = s.substr(0, prefix.size()) == prefix;
  return *ok ? s.substr(prefix.size()) : s;
}

// Words for comparing titles: normalised (case-folded, emphasis dropped),
// then split at anything that is not a letter or digit, so "Re-index" and
// "re index" are the same two words.
std::vector<std::string> words(std::string_view s) {
  const std::string n = text::normalize_name(s);
  std::vector<std::string> out;
  std::string cur;
  for (const char c : n) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

HeadingParts split_heading(std::string_view pattern, std::string_view heading) {
  HeadingParts p;
  heading = text::trim(heading);
  const std::size_t id_at = pattern.find("{id}");
  const std::size_t title_at = pattern.find("{title}");
  if (id_at == std::string_view::npos && title_at == std::string_view::npos) return p;
  bool ok = true;
  if (id_at == std::string_view::npos || (title_at != std::string_view::npos && title_at < id_at)) {
    // "{title}" alone, or the title first: "{title} ({id})".
    std::string_view rest = strip_prefix(heading, pattern.substr(0, title_at), &ok);
    if (!ok) return p;
    const std::string_view after = pattern.substr(title_at + 7);
    if (id_at == std::string_view::npos) {
      if (rest.size() < after.size() || rest.substr(rest.size() - after.size()) != after) return p;
      p.title = text::trim(rest.substr(0, rest.size() - after.size()));
      p.matched = !p.title.empty();
      return p;
    }
    const std::string_view sep = after.substr(0, after.find("{id}"));
    const std::string_view tail = after.substr(after.find("{id}") + 4);
    const std::size_t at = sep.empty() ? std::string_view::npos : rest.rfind(sep);
    if (at == std::string_view::npos) return p;
    p.title = text::trim(rest.substr(0, at));
    std::string_view id = rest.substr(at + sep.size());
    if (id.size() < tail.size() || id.substr(id.size() - tail.size()) != tail) return p;
    p.id = text::trim(id.substr(0, id.size() - tail.size()));
    p.matched = !p.id.empty();
    return p;
  }
  std::string_view rest = strip_prefix(heading, pattern.substr(0, id_at), &ok);
  if (!ok) return p;
  const std::string_view after = pattern.substr(id_at + 4);
  if (title_at == std::string_view::npos) {
    if (rest.size() < after.size() || rest.substr(rest.size() - after.size()) != after) return p;
    p.id = text::trim(rest.substr(0, rest.size() - after.size()));
    // An ID is one word: "SEC-001", not "SEC-001 Session tokens".
    p.matched = !p.id.empty() && p.id.find(' ') == std::string_view::npos;
    return p;
  }
  const std::string_view sep = after.substr(0, title_at - id_at - 4);
  const std::string_view tail = after.substr(title_at - id_at - 4 + 7);
  if (sep.empty()) return p;
  // A space separator ("{id} {title}") ends the ID at the first space; the
  // separator is matched with the spaces around it trimmed, so "R-1 —Title"
  // still splits, and "R-1" alone (no title) still gives the ID.
  // The separator as written first ("R-001 - Title" must not split at the
  // ID's own hyphen), then with its spaces trimmed.
  std::string_view core = sep;
  std::size_t at = rest.find(sep);
  if (at == std::string_view::npos) {
    core = text::trim(sep);
    at = core.empty() ? rest.find(' ') : rest.find(core);
  }
  if (at == std::string_view::npos) {
    p.id = text::trim(rest);
    p.matched = !p.id.empty() && p.id.find(' ') == std::string_view::npos;
    return p;
  }
  p.id = text::trim(rest.substr(0, at));
  std::string_view title = rest.substr(at + (core.empty() ? 1 : core.size()));
  if (title.size() >= tail.size() && title.substr(title.size() - tail.size()) == tail) {
    title.remove_suffix(tail.size());
  }
  p.title = text::trim(title);
  p.matched = !p.id.empty();
  return p;
}

bool title_fits(TitleCheckMode check, std::string_view heading_title, std::string_view row_title) {
  switch (check) {
    case TitleCheckMode::Off:
      return true;
    case TitleCheckMode::Exact:
      return text::normalize_name(heading_title) == text::normalize_name(row_title);
    case TitleCheckMode::Prefix: {
      const std::vector<std::string> h = words(heading_title), r = words(row_title);
      if (h.empty() || h.size() > r.size()) return h.empty();
      for (std::size_t i = 0; i < h.size(); ++i) {
        if (h[i] != r[i]) return false;
      }
      return true;
    }
    case TitleCheckMode::Words: {
      const std::vector<std::string> h = words(heading_title), r = words(row_title);
      std::size_t j = 0;
      for (const std::string& w : h) {
        while (j < r.size() && r[j] != w) ++j;
        if (j == r.size()) return false;
        ++j;
      }
      return true;
    }
  }
  return true;
}

}  // namespace mdrisk
