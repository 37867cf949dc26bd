// The risk-semantics keys of `.mdrisk.toml`. Like the rest of the config,
// a name that matches no column, section or status is an error with its
// line: a check that silently never runs is worse than none.
#include "config/risk_semantics.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <regex>

#include "base/text.hpp"

namespace mdrisk::config_detail {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

[[noreturn]] void die(FailFn fail, const toml::node& n, const std::string& what) {
  fail(n, what);
  std::abort();  // `fail` throws; never reached
}

void check_keys(const toml::table& t, std::string_view where, std::initializer_list<std::string_view> allowed,
                FailFn fail) {
  for (auto&& [key, value] : t) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      die(fail, value, "unknown key '" + std::string(key.str()) + "' in " + std::string(where));
    }
  }
}

std::string str(const toml::node& n, std::string_view key, FailFn fail) {
  if (!n.is_string()) die(fail, n, "'" + std::string(key) + "' must be a string");
  return *n.value<std::string>();
}

// A string or an array of strings.
std::vector<std::string> strs(const toml::node& n, std::string_view key, FailFn fail) {
  if (n.is_string()) return {*n.value<std::string>()};
  const toml::array* a = n.as_array();
  if (!a) die(fail, n, "'" + std::string(key) + "' must be a string or an array of strings");
  std::vector<std::string> out;
  for (const toml::node& item : *a) out.push_back(str(item, key, fail));
  return out;
}

std::size_t column(const Schema& s, const toml::node& n, std::string_view key, FailFn fail) {
  const std::string name = str(n, key, fail);
  std::size_t c = s.column_index(name);
  if (c == kNone) c = s.column_for_header(name);
  if (c == kNone) die(fail, n, "'" + std::string(key) + "': no column with key \"" + name + "\"");
  return c;
}

// A column (by key or header) or a section (by label or alias).
FieldRef field(const Schema& s, const toml::node& n, const std::string& name, std::string_view key, FailFn fail) {
  FieldRef f;
  f.name = name;
  f.column = s.column_index(name);
  if (f.column == kNone) f.column = s.column_for_header(name);
  if (f.column == kNone) f.section = s.section_for_label(name);
  if (!f.set()) die(fail, n, "'" + std::string(key) + "': no column or section named \"" + name + "\"");
  return f;
}

// A value of `c` in its canonical spelling (any case accepted in the config).
std::string value_of(const Schema& s, std::size_t c, const toml::node& n, const std::string& v, std::string_view key,
                     FailFn fail) {
  const ColumnSpec& col = s.columns[c];
  if (col.allowed.empty()) return v;
  for (const auto& a : col.allowed) {
    if (text::iequals(a, v)) return a;
  }
  die(fail, n, "'" + std::string(key) + "': \"" + v + "\" is not one of the values of column \"" + col.key + "\"");
}

void parse_dates(const toml::table& t, Schema& s, FailFn fail) {
  check_keys(t, "[dates]", {"as-of", "document-date", "last-review", "next-review", "expires", "fields", "review-by",
                            "review-intervals", "review-interval"},
             fail);
  DatesSpec& d = s.dates;
  if (auto* v = t.get("as-of")) {
    const std::string a = str(*v, "as-of", fail);
    if (a == "today") {
      d.as_of = AsOfSource::Today;
    } else if (a == "document") {
      d.as_of = AsOfSource::Document;
    } else if (auto day = Date::parse(a)) {
      d.as_of = AsOfSource::Fixed;
      d.fixed_as_of = *day;
    } else {
      die(fail, *v, "'as-of' must be \"today\", \"document\" or a date written YYYY-MM-DD, not \"" + a + "\"");
    }
  }
  if (auto* v = t.get("document-date")) d.document_date_labels = strs(*v, "document-date", fail);
  if (auto* v = t.get("last-review")) d.last_review = field(s, *v, str(*v, "last-review", fail), "last-review", fail);
  if (auto* v = t.get("next-review")) d.next_review = field(s, *v, str(*v, "next-review", fail), "next-review", fail);
  if (auto* v = t.get("expires")) d.expires = field(s, *v, str(*v, "expires", fail), "expires", fail);
  if (auto* v = t.get("fields")) {
    for (const auto& name : strs(*v, "fields", fail)) d.fields.push_back(field(s, *v, name, "fields", fail));
  }
  if (auto* v = t.get("review-by")) d.review_by = column(s, *v, "review-by", fail);
  if (auto* v = t.get("review-intervals")) {
    const toml::table* m = v->as_table();
    if (!m) die(fail, *v, "'review-intervals' must be a table of value = days, e.g. { High = 30, Low = 365 }");
    if (d.review_by == kNone) die(fail, *v, "'review-intervals' needs 'review-by' (the column whose values key them)");
    for (auto&& [value, days] : *m) {
      const auto n = days.value<std::int64_t>();
      if (!days.is_integer() || !n || *n < 1 || *n > 36600) die(fail, days, "'review-intervals': days must be a whole number from 1 to 36600");
      d.intervals.emplace_back(value_of(s, d.review_by, days, std::string(value.str()), "review-intervals", fail),
                               static_cast<int>(*n));
    }
  }
  if (auto* v = t.get("review-interval")) {
    const auto n = v->value<std::int64_t>();
    if (!v->is_integer() || !n || *n < 0 || *n > 36600) die(fail, *v, "'review-interval' must be a whole number of days from 0 to 36600");
    d.default_interval = static_cast<int>(*n);
  }
  if ((d.default_interval > 0 || !d.intervals.empty()) && !d.last_review.set() && !d.next_review.set()) {
    die(fail, t, "review intervals need 'last-review' or 'next-review'");
  }
}

void parse_lifecycle(const toml::table& t, Schema& s, FailFn fail) {
  check_keys(t, "[lifecycle]", {"status-column", "open", "accepted", "closed", "closed-sections"}, fail);
  LifecycleSpec& l = s.lifecycle;
  l.status_column = t.get("status-column") ? column(s, *t.get("status-column"), "status-column", fail)
                                           : s.column_index("status");
  if (l.status_column == kNone) die(fail, t, "[lifecycle] needs 'status-column' (there is no column \"status\")");
  std::vector<std::string> seen;
  const auto read = [&](std::string_view key, std::vector<std::string>& out) {
    const toml::node* v = t.get(key);
    if (!v) return;
    for (const auto& name : strs(*v, key, fail)) {
      const std::string canonical = value_of(s, l.status_column, *v, name, key, fail);
      if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) {
        die(fail, *v, "'" + std::string(key) + "': status \"" + canonical + "\" is in two classes");
      }
      seen.push_back(canonical);
      out.push_back(canonical);
    }
  };
  read("open", l.open);
  read("accepted", l.accepted);
  read("closed", l.closed);
  if (auto* v = t.get("closed-sections")) l.closed_headings = strs(*v, "closed-sections", fail);
}

void parse_ids(const toml::table& t, Schema& s, FailFn fail) {
  check_keys(t, "[ids]", {"column", "pattern"}, fail);
  IdSpec& i = s.ids;
  i.column = t.get("column") ? column(s, *t.get("column"), "column", fail) : s.column_index("id");
  if (i.column == kNone) die(fail, t, "[ids] needs 'column' (there is no column \"id\")");
  if (auto* v = t.get("pattern")) {
    i.pattern = str(*v, "pattern", fail);
    try {
      std::regex check(i.pattern);
    } catch (const std::regex_error&) {
      die(fail, *v, "'pattern' is not a valid regular expression");
    }
  }
}

}  // namespace

void parse_risk_semantics(const toml::table& root, Schema& s, FailFn fail) {
  const auto table = [&](std::string_view key) -> const toml::table* {
    const toml::node* n = root.get(key);
    if (n && !n->is_table()) die(fail, *n, "'" + std::string(key) + "' must be a table");
    return n ? n->as_table() : nullptr;
  };
  if (auto* t = table("dates")) parse_dates(*t, s, fail);
  if (auto* t = table("lifecycle")) parse_lifecycle(*t, s, fail);
  if (auto* t = table("ids")) parse_ids(*t, s, fail);
}

void parse_policy_lifecycle(const toml::table& t, const Schema& s, Policy& p, FailFn fail) {
  const bool by_column = t.contains("column") || t.contains("values");
  if (auto* v = t.get("class")) {
    if (by_column) die(fail, *v, "a policy is triggered by 'column' and 'values' or by 'class', not both");
    if (!s.lifecycle.enabled()) die(fail, *v, "'class' needs a [lifecycle] table");
    const std::string c = str(*v, "class", fail);
    p.status_class = c == "open"       ? StatusClass::Open
                     : c == "accepted" ? StatusClass::Accepted
                     : c == "closed"   ? StatusClass::Closed
                                       : StatusClass::None;
    if (p.status_class == StatusClass::None) {
      die(fail, *v, "'class' must be one of \"open\", \"accepted\", \"closed\", not \"" + c + "\"");
    }
    p.column = kNone;
  } else if (!t.contains("column") || !t.contains("values")) {
    die(fail, t, "a policy needs 'column' and 'values', or 'class'");
  }
  if (auto* v = t.get("require")) {
    for (const auto& name : strs(*v, "require", fail)) p.require.push_back(field(s, *v, name, "require", fail));
  }
  if (auto* v = t.get("require-one-of")) {
    for (const auto& name : strs(*v, "require-one-of", fail)) {
      p.require_one_of.push_back(field(s, *v, name, "require-one-of", fail));
    }
    if (p.require_one_of.size() < 2) die(fail, *v, "'require-one-of' names two or more fields (one is 'require')");
  }
  if (auto* v = t.get("require-reference")) {
    const auto b = v->value<bool>();
    if (!b) die(fail, *v, "'require-reference' must be true or false");
    if (*b && s.reference_pattern.empty()) {
      die(fail, *v, "'require-reference' needs a [tracker] reference-pattern to read references with");
    }
    p.require_reference = *b;
  }
  const bool requires_fields = !p.require.empty() || !p.require_one_of.empty() || p.require_reference;
  if (t.contains("require-section") && requires_fields) {
    die(fail, t, "a policy has 'require-section' or 'require'/'require-one-of'/'require-reference', not both");
  }
  if (!t.contains("require-section") && !requires_fields) {
    die(fail, t, "a policy needs 'require-section', 'require', 'require-one-of' or 'require-reference'");
  }
  if (requires_fields) p.section = kNone;
}

}  // namespace mdrisk::config_detail
