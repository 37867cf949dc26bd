// MR801 stale-view: the content of each generated view
// (`<!-- mdrisk:view matrix -->` ... `<!-- mdrisk:end -->`) is what mdrisk
// generates from the register now. Why: a heat map or a count typed by hand
// goes stale with the next row; a generated one is checked on every run,
// and --fix rewrites it. The fix replaces only the lines that differ
// between the markers; nothing outside them changes.
#include "report/views.hpp"
#include "rules/all.hpp"

namespace mdrisk::rules {
namespace {

// The lines of `s`, each with its line ending.
std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t end = s.find('\n', begin);
    end = end == std::string_view::npos ? s.size() : end + 1;
    out.push_back(s.substr(begin, end - begin));
    begin = end;
  }
  return out;
}

}  // namespace

void check_stale_view(const Tracker& t, RuleContext& ctx) {
  const std::string_view bytes = ctx.source.bytes();
  for (const ViewBlock& v : t.views) {
    if (!v.closed || report::view_problem(v)) continue;  // MR802, MR803
    const std::string want = report::view_content(t, v, ctx.source.eol());
    const std::string_view have = bytes.substr(v.content.begin, v.content.size());
    if (have == want) continue;
    // Minimal edit: keep the lines both share at the start and the end.
    const std::vector<std::string_view> a = lines_of(have), b = lines_of(want);
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    std::size_t from = v.content.begin, to = v.content.end;
    for (std::size_t i = 0; i < head; ++i) from += a[i].size();
    for (std::size_t i = 0; i < tail; ++i) to -= a[a.size() - 1 - i].size();
    std::string replacement;
    for (std::size_t i = head; i < b.size() - tail; ++i) replacement += b[i];
    ctx.report(kStaleView, v.open, "view '" + v.name + "' is out of date with the register")
        .fix = make_fix(Applicability::Safe, "regenerate the view", {Edit{{from, to}, replacement}});
  }
}

}  // namespace mdrisk::rules
