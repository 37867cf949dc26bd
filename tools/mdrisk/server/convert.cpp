#include "server/convert.hpp"

#include <dtl/dtl.hpp>

#include <algorithm>

#include "mdrisk/rule_info.hpp"

namespace mdrisk::server {

namespace {

// LSP DiagnosticSeverity and DiagnosticTag values.
constexpr int kSeverityError = 1, kSeverityWarning = 2;
constexpr int kTagUnnecessary = 1;
// Above this many changed lines (both sides) a formatting diff is not worth its time.
constexpr std::size_t kMaxDiffLines = 4000;

// Lines with their terminators, so joining them gives the text back.
std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t nl = s.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(start, end - start));
    start = end;
  }
  return lines;
}

}  // namespace

json position_json(const LineIndex& index, std::size_t offset, Encoding enc) {
  const LspPosition p = index.position_of(offset, enc);
  return {{"line", p.line}, {"character", p.character}};
}

json range_json(const LineIndex& index, ByteRange range, Encoding enc) {
  return {{"start", position_json(index, range.begin, enc)}, {"end", position_json(index, range.end, enc)}};
}

ByteRange byte_range(const LineIndex& index, const json& range, Encoding enc) {
  const auto at = [&](const json& p) {
    return index.offset_of({p.at("line").get<std::size_t>(), p.at("character").get<std::size_t>()}, enc);
  };
  std::size_t b = at(range.at("start")), e = at(range.at("end"));
  if (e < b) std::swap(b, e);
  return {b, e};
}

std::string rule_url(std::string_view code) { return std::string(MDRISK_RULE_DOCS_URL) + std::string(code) + ".md"; }

json diagnostic_json(const Analysis& a, const Diagnostic& d, const std::string& uri, Encoding enc) {
  json out = {
      {"range", range_json(*a.index, d.range, enc)},
      {"severity", d.severity == Severity::Error ? kSeverityError : kSeverityWarning},
      {"code", d.code},
      {"codeDescription", {{"href", rule_url(d.code)}}},
      {"source", "mdrisk"},
      {"message", d.message},
  };
  if (!d.related.empty()) {
    json related = json::array();
    for (const auto& r : d.related) {
      related.push_back({{"location", {{"uri", uri}, {"range", range_json(*a.index, r.range, enc)}}},
                         {"message", r.message.empty() ? d.message : r.message}});
    }
    out["relatedInformation"] = std::move(related);
  }
  // A suppression comment that suppresses nothing is dead text: editors fade it.
  if (d.code == "MR501") out["tags"] = json::array({kTagUnnecessary});
  return out;
}

json diagnostics_json(const Analysis& a, const std::string& uri, Encoding enc) {
  json list = json::array();
  if (!a.problem.empty()) {
    list.push_back({{"range", range_json(*a.index, {0, 0}, enc)},
                    {"severity", kSeverityError},
                    {"source", "mdrisk"},
                    {"message", a.problem}});
    return list;
  }
  for (const auto& d : a.diagnostics) list.push_back(diagnostic_json(a, d, uri, enc));
  return list;
}

json text_edits_json(const Analysis& a, const std::vector<Edit>& edits, Encoding enc) {
  json out = json::array();
  for (const auto& e : edits) out.push_back({{"range", range_json(*a.index, e.range, enc)}, {"newText", e.replacement}});
  return out;
}

json diff_edits_json(const LineIndex& index, const std::string& before, const std::string& after, Encoding enc) {
  json out = json::array();
  if (before == after) return out;
  const auto a = lines_of(before), b = lines_of(after);
  // Lines the two share at both ends need no diff (the usual case: a fix
  // touches a table here and a heading there).
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const std::vector<std::string_view> mid_a(a.begin() + head, a.end() - tail), mid_b(b.begin() + head, b.end() - tail);
  std::vector<std::size_t> offset_of_line(a.size() + 1, 0);
  for (std::size_t i = 0; i < a.size(); ++i) offset_of_line[i + 1] = offset_of_line[i] + a[i].size();
  const auto whole_lines = [&](std::size_t first, std::size_t last, std::string text) {
    out.push_back({{"range", range_json(index, {offset_of_line[first], offset_of_line[last]}, enc)},
                   {"newText", std::move(text)}});
  };

  // Most fixes rewrite lines in place (a table re-printed, bullets, a
  // heading renamed): with as many lines on both sides, pair them up, one
  // edit per run of changed lines, in linear time.
  if (mid_a.size() == mid_b.size()) {
    for (std::size_t i = 0; i < mid_a.size();) {
      if (mid_a[i] == mid_b[i]) {
        ++i;
        continue;
      }
      std::size_t j = i;
      std::string text;
      for (; j < mid_a.size() && mid_a[j] != mid_b[j]; ++j) text.append(mid_b[j]);
      whole_lines(head + i, head + j, std::move(text));
      i = j;
    }
    return out;
  }
  // Lines were added or removed: a real diff, which costs O(N * D) for D
  // changed lines. Past a few thousand lines that is seconds on a messy
  // register, so the changed region becomes one edit (exact, only coarser).
  if (mid_a.size() + mid_b.size() > kMaxDiffLines) {
    std::string text;
    for (const auto& l : mid_b) text.append(l);
    whole_lines(head, a.size() - tail, std::move(text));
    return out;
  }
  dtl::Diff<std::string_view, std::vector<std::string_view>> diff(mid_a, mid_b);
  diff.onHuge();
  diff.compose();

  // Walk the edit script; each run of deleted/added lines between common
  // lines becomes one TextEdit over whole lines of `before`.
  std::size_t line_a = head;  // next line of `before`
  std::size_t run_begin = 0;
  bool in_run = false;
  std::string added;
  const auto flush = [&] {
    if (!in_run) return;
    whole_lines(run_begin, line_a, std::move(added));
    in_run = false;
    added.clear();
  };
  for (const auto& [elem, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_COMMON) {
      flush();
      ++line_a;
      continue;
    }
    if (!in_run) {
      in_run = true;
      run_begin = line_a;
    }
    if (info.type == dtl::SES_DELETE) {
      ++line_a;
    } else {
      added.append(elem);
    }
  }
  flush();
  return out;
}

}  // namespace mdrisk::server
