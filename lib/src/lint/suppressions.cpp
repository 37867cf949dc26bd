#include "lint/suppressions.hpp"

#include <algorithm>

#include "mdrisk/rule_info.hpp"
#include "base/text.hpp"

namespace mdrisk {
namespace {

bool covers(const Directive& d, const Diagnostic& diag) {
  if (d.codes.empty()) return true;
  return std::any_of(d.codes.begin(), d.codes.end(),
                     [&](const std::string& c) { return c == diag.code || c == diag.name; });
}

}  // namespace

std::vector<Directive> scan_directives(const SourceFile& source) {
  std::vector<Directive> out;
  const std::string& b = source.bytes();
  static constexpr std::string_view kOpen = "<!--", kClose = "-->";
  std::size_t pos = 0;
  while ((pos = b.find(kOpen, pos)) != std::string::npos) {
    const std::size_t line = source.line_of(pos);
    const std::size_t line_end = source.line_end(line);
    // A directive is one line: look for its end on this line only (to the
    // end of the file from every `<!--` made this quadratic).
    const std::size_t body_from = pos + kOpen.size();
    const std::size_t found = body_from <= line_end
                                  ? std::string_view(b).substr(body_from, line_end - body_from).find(kClose)
                                  : std::string_view::npos;
    const std::size_t close = found == std::string_view::npos ? std::string::npos : body_from + found;
    if (close == std::string::npos || close + kClose.size() > line_end) {
      // No `-->` after this opener on its line, so none after a later one
      // on the same line either: go to the next line (a long line of
      // `<!--`s was quadratic otherwise).
      pos = std::max(line_end, pos + kOpen.size());
      continue;
    }
    const auto words = parse_directive_body(std::string_view(b).substr(pos + kOpen.size(), close - pos - kOpen.size()));
    Directive d;
    const std::size_t end = close + kClose.size();
    if (words) {
      d.kind = words->kind;
      d.codes = words->codes;
      d.line = line;
      d.range = {pos, end};
      d.whole_line = text::trim(source.line_text(line)) == std::string_view(b).substr(pos, end - pos);
      out.push_back(std::move(d));
    }
    pos = end;
  }
  return out;
}

void apply_suppressions(const SourceFile& source, std::vector<Diagnostic>& diagnostics,
                        std::vector<Directive>& directives) {
  if (directives.empty()) return;
  // The line a next-line directive covers: the next non-blank one.
  std::vector<std::size_t> target(directives.size(), 0);
  for (std::size_t i = 0; i < directives.size(); ++i) {
    if (directives[i].kind != Directive::Kind::DisableNextLine) continue;
    std::size_t l = directives[i].line + 1;
    while (l <= source.line_count() && source.line_is_blank(l)) ++l;
    target[i] = l;
  }
  const auto suppressed_by = [&](const Diagnostic& diag) -> Directive* {
    const std::size_t line = source.line_of(diag.range.begin);
    for (std::size_t i = 0; i < directives.size(); ++i) {
      Directive& d = directives[i];
      if (!covers(d, diag)) continue;
      switch (d.kind) {
        case Directive::Kind::DisableFile: return &d;
        case Directive::Kind::DisableNextLine:
          if (line == target[i]) return &d;
          break;
        case Directive::Kind::DisableLine:
          if (line == d.line) return &d;
          break;
        case Directive::Kind::Disable: {
          if (line < d.line) break;
          // Active until an enable (for all rules, or naming this one) at or before the line.
          bool closed = false;
          for (std::size_t j = i + 1; j < directives.size() && directives[j].line <= line; ++j) {
            const Directive& e = directives[j];
            if (e.kind == Directive::Kind::Enable && covers(e, diag)) closed = true;
          }
          if (!closed) return &d;
          break;
        }
        case Directive::Kind::Enable: break;
      }
    }
    return nullptr;
  };
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& diag : diagnostics) {
    if (Directive* d = suppressed_by(diag)) {
      d->used = true;
    } else {
      kept.push_back(std::move(diag));
    }
  }
  diagnostics = std::move(kept);
}

}  // namespace mdrisk
