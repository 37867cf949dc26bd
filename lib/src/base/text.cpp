#include "base/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace mdrisk::text {

std::string_view trim(std::string_view s) {
  const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

std::string casefold(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) ascii = ascii && c < 0x80;
  if (ascii) {  // the common case, without an allocation in utf8proc
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  utf8proc_uint8_t* folded = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                              static_cast<utf8proc_ssize_t>(s.size()), &folded,
                              static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
                                                             UTF8PROC_STABLE));
  if (n < 0) return std::string(s);  // input is validated UTF-8; keep it as is on error
  std::string out(reinterpret_cast<char*>(folded), static_cast<std::size_t>(n));
  std::free(folded);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() == b.size()) {
    bool same = true;
    for (std::size_t i = 0; i < a.size() && same; ++i) same = a[i] == b[i];
    if (same) return true;
  }
  // Both ASCII: case folding only maps A-Z, so compare without building the
  // folded strings. (A non-ASCII side can fold to ASCII, e.g. the Kelvin
  // sign, so anything else takes the full path.)
  const auto ascii = [](std::string_view s) {
    for (unsigned char c : s) {
      if (c >= 0x80) return false;
    }
    return true;
  };
  if (ascii(a) && ascii(b)) {
    if (a.size() != b.size()) return false;
    const auto lower = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; };
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (lower(static_cast<unsigned char>(a[i])) != lower(static_cast<unsigned char>(b[i]))) return false;
    }
    return true;
  }
  return casefold(a) == casefold(b);
}

std::string normalize_name(std::string_view s) {
  // Written through a raw pointer into a string sized for the worst case
  // (every name of a 10k tracker goes through here, twice per --fix).
  std::string out(s.size(), '\0');
  char* const begin = out.data();
  char* o = begin;
  bool pending_space = false;
  bool ascii = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
      c = s[++i];  // an escaped character stands for itself
    } else if (c == '*' || c == '_' || c == '`') {
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = o != begin;
      continue;
    }
    if (pending_space) *o++ = ' ';
    pending_space = false;
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    // ASCII folds in place, as casefold() would, without a second string.
    *o++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out.resize(static_cast<std::size_t>(o - begin));
  return ascii ? out : casefold(out);
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++width;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len <= 0) {  // cannot happen on validated input; count the byte and go on
      ++width;
      ++i;
      continue;
    }
    const int w = utf8proc_charwidth(cp);
    width += w > 0 ? static_cast<std::size_t>(w) : 0;
    i += static_cast<std::size_t>(len);
  }
  return width;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string printable_name(std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(name.size());
  const auto escape = [&](unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  };
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(name.data());
  std::size_t i = 0;
  while (i < name.size()) {
    const unsigned char c = data[i];
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F) escape(c);
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto len = utf8proc_iterate(data + i, static_cast<utf8proc_ssize_t>(std::min<std::size_t>(4, name.size() - i)), &cp);
    if (len <= 0) {
      escape(c);
      ++i;
    } else if (cp >= 0x80 && cp <= 0x9F) {  // C1 controls (CSI is U+009B)
      for (auto k = 0; k < len; ++k) escape(data[i + static_cast<std::size_t>(k)]);
      i += static_cast<std::size_t>(len);
    } else {
      out.append(name.substr(i, static_cast<std::size_t>(len)));
      i += static_cast<std::size_t>(len);
    }
  }
  return out;
}

std::string heading_anchor(std::string_view heading) {
  std::string out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(heading.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(heading.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;  // input is validated UTF-8
    p += n;
    left -= n;
    if (cp == ' ') {
      out += '-';
      continue;
    }
    const utf8proc_category_t cat = utf8proc_category(cp);
    const bool keep = cp == '-' || cp == '_' || (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
    if (!keep) continue;
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t w = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(w));
  }
  return out;
}

std::string_view link_text(std::string_view cell) {
  const std::string_view t = trim(cell);
  if (t.size() > 4 && t.front() == '[' && t.back() == ')') {
    const std::size_t mid = t.find("](");
    if (mid != std::string_view::npos && t.find(']') == mid) return t.substr(1, mid - 1);
  }
  return cell;
}

bool names_one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  const std::string folded = casefold(trim(s));
  for (const std::string_view w : words) {
    if (folded == w) return true;
  }
  return false;
}

}  // namespace mdrisk::text
