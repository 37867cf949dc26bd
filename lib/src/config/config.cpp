// Loads `.mdrisk.toml` with toml++ into a Config, rejecting unknown keys and
// wrong types with the line they are on: a typo in a config must not
// silently fall back to a default.
#include "mdrisk/config.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "mdrisk/rule_info.hpp"
#include "base/text.hpp"
#include "config/risk_semantics.hpp"
#include "config/scoring_config.hpp"

namespace mdrisk {
namespace {

struct ConfigError {
  std::string message;
};

// The config file being parsed; nodes inherited through `extend` carry
// their own file, and errors in them name it.
thread_local const std::string* g_top_path = nullptr;

std::string at(const toml::source_region& r) {
  std::string where;
  if (r.path && g_top_path && *r.path != *g_top_path) where = *r.path + ": ";
  return where + "line " + std::to_string(r.begin.line) + ": ";
}
std::string at(const toml::node& n) { return at(n.source()); }

[[noreturn]] void fail(const toml::node& n, const std::string& what) { throw ConfigError{at(n) + what}; }

void check_keys(const toml::table& t, std::string_view where, std::initializer_list<std::string_view> allowed) {
  for (auto&& [key, value] : t) {
    bool ok = false;
    for (auto a : allowed) ok = ok || key.str() == a;
    if (!ok) {
      throw ConfigError{at(key.source()) + "unknown key '" + std::string(key.str()) + "' in " + std::string(where)};
    }
  }
}

std::string get_string(const toml::node& n, std::string_view key) {
  if (!n.is_string()) fail(n, "'" + std::string(key) + "' must be a string");
  return *n.value<std::string>();
}

// A string that must compile as a regular expression (ECMAScript).
std::string get_regex(const toml::node& n, std::string_view key) {
  std::string pattern = get_string(n, key);
  try {
    const std::regex check(pattern);
  } catch (const std::regex_error&) {
    fail(n, "'" + std::string(key) + "' is not a valid regular expression");
  }
  return pattern;
}

bool get_bool(const toml::node& n, std::string_view key) {
  if (!n.is_boolean()) fail(n, "'" + std::string(key) + "' must be true or false");
  return *n.value<bool>();
}

std::vector<std::string> get_strings(const toml::node& n, std::string_view key) {
  const toml::array* a = n.as_array();
  if (!a) fail(n, "'" + std::string(key) + "' must be an array of strings");
  std::vector<std::string> out;
  for (const toml::node& item : *a) out.push_back(get_string(item, key));
  return out;
}

const toml::table& get_table(const toml::node& n, std::string_view key) {
  const toml::table* t = n.as_table();
  if (!t) fail(n, "'" + std::string(key) + "' must be a table");
  return *t;
}

std::string one_of(const toml::node& n, std::string_view key, std::initializer_list<std::string_view> choices) {
  const std::string v = get_string(n, key);
  std::string list;
  for (auto c : choices) {
    if (v == c) return v;
    list += (list.empty() ? "" : ", ") + std::string("\"") + std::string(c) + "\"";
  }
  fail(n, "'" + std::string(key) + "' must be one of " + list + ", not \"" + v + "\"");
}

std::string rule_code(const toml::node& n, const std::string& code_or_name) {
  const RuleInfo* r = find_rule(code_or_name);
  if (!r) fail(n, "unknown rule '" + code_or_name + "' (see `mdrisk rules`)");
  return std::string(r->code);
}

std::string rule_prefix(const toml::node& n, const std::string& selector) {
  if (auto code = resolve_rule_selector(selector)) return *code;
  fail(n, unknown_selector_message(selector));
}

ColumnSpec parse_column(const toml::table& t) {
  check_keys(t, "[[columns]]", {"key", "header", "aliases", "required", "non-empty", "values", "value-aliases",
                                "qualifiers", "ranges", "value-case",
                                config::kColumnScaleKeys[0], config::kColumnScaleKeys[1]});
  ColumnSpec c;
  if (!t.contains("key")) fail(t, "every [[columns]] needs a 'key'");
  c.key = get_string(*t.get("key"), "key");
  c.header = t.contains("header") ? get_string(*t.get("header"), "header") : c.key;
  if (auto* n = t.get("aliases")) c.aliases = get_strings(*n, "aliases");
  if (auto* n = t.get("required")) c.required = get_bool(*n, "required");
  if (auto* n = t.get("non-empty")) c.non_empty = get_bool(*n, "non-empty");
  if (auto* n = t.get("values")) c.allowed = get_strings(*n, "values");
  if (auto* n = t.get("value-aliases")) {
    for (auto&& [alias, canonical] : get_table(*n, "value-aliases")) {
      const std::string target = get_string(canonical, "value-aliases");
      bool known = false;
      for (const auto& v : c.allowed) known = known || v == target;
      if (!known) fail(canonical, "value alias target \"" + target + "\" is not one of the column's values");
      c.value_aliases.emplace_back(std::string(alias.str()), target);
    }
  }
  if (auto* n = t.get("qualifiers")) c.qualifiers = get_bool(*n, "qualifiers");
  if (auto* n = t.get("ranges")) c.ranges = get_bool(*n, "ranges");
  if (auto* n = t.get("value-case")) c.any_case = one_of(*n, "value-case", {"canonical", "any"}) == "any";
  return c;
}

SectionSpec parse_section(const toml::table& t) {
  check_keys(t, "[[sections]]", {"label", "aliases", "requirement"});
  SectionSpec s;
  if (!t.contains("label")) fail(t, "every [[sections]] needs a 'label'");
  s.label = get_string(*t.get("label"), "label");
  if (auto* n = t.get("aliases")) s.aliases = get_strings(*n, "aliases");
  if (auto* n = t.get("requirement")) {
    const std::string r = one_of(*n, "requirement", {"required", "recommended", "optional"});
    s.requirement = r == "required" ? Requirement::Required
                    : r == "recommended" ? Requirement::Recommended
                                         : Requirement::Optional;
  }
  return s;
}

std::size_t column_by_key(const Schema& s, const toml::node& n, const std::string& key) {
  const std::size_t i = s.column_index(key);
  if (i == npos) fail(n, "no column with key \"" + key + "\"");
  return i;
}

Config build(const toml::table& root, const std::string& path) {
  check_keys(root, "the top level", {"tracker", "columns", "sections", "policies", "rules", "files",
                                        "score", "bands", "order", "dates", "lifecycle", "ids"});
  Config cfg;
  cfg.path = path;
  Schema& s = cfg.lint.schema;
  if (auto* n = root.get("columns")) {
    const toml::array* a = n->as_array();
    if (!a || !a->is_array_of_tables()) fail(*n, "'columns' must be an array of tables ([[columns]])");
    s.columns.clear();
    std::set<std::string> keys;
    for (const toml::node& item : *a) {
      s.columns.push_back(parse_column(*item.as_table()));
      if (!keys.insert(s.columns.back().key).second) fail(item, "duplicate column key \"" + s.columns.back().key + "\"");
    }
  }
  if (auto* n = root.get("sections")) {
    const toml::array* a = n->as_array();
    // `sections = []`: entries have no labelled sections of their own.
    if (!a || (!a->empty() && !a->is_array_of_tables())) fail(*n, "'sections' must be an array of tables ([[sections]])");
    s.sections.clear();
    for (const toml::node& item : *a) s.sections.push_back(parse_section(*item.as_table()));
  }
  std::string name_column = "risk", id_column;
  if (auto* n = root.get("tracker")) {
    const toml::table& t = get_table(*n, "tracker");
    check_keys(t, "[tracker]", {"table-heading", "entries-heading", "entries-required", "table-style", "placeholders",
                                "name-column", "link", "id-column", "heading-pattern", "name-source", "label-colon",
                                "register", "entry-level", "title-check", "template-pattern", "reference-pattern", "field-syntax",
                                "field-source", "blank-line-after-heading", "delimiter-row"});
    if (auto* v = t.get("table-heading")) s.table_heading = get_string(*v, "table-heading");
    if (auto* v = t.get("entries-heading")) s.entries_heading = get_string(*v, "entries-heading");
    if (auto* v = t.get("entries-required")) {
      // true / false, or the conditions under which a row needs an entry;
      // read once the columns are known (below).
      if (!v->is_array()) s.entries_required = get_bool(*v, "entries-required");
    }
    if (auto* v = t.get("table-style")) {
      const std::string style = one_of(*v, "table-style", {"aligned", "compact", "as-written"});
      s.table_style = style == "compact"      ? TableStyle::Compact
                      : style == "as-written" ? TableStyle::AsWritten
                                              : TableStyle::Aligned;
    }
    if (auto* v = t.get("register")) s.has_table = one_of(*v, "register", {"table", "entries"}) == "table";
    if (auto* v = t.get("entry-level")) {
      if (!v->is_integer() || *v->value<int64_t>() < 2 || *v->value<int64_t>() > 4) {
        fail(*v, "'entry-level' must be 2, 3 or 4");
      }
      s.entry_level = static_cast<int>(*v->value<int64_t>());
    }
    if (auto* v = t.get("title-check")) {
      const std::string c = one_of(*v, "title-check", {"exact", "prefix", "words", "off"});
      s.title_check = c == "prefix"  ? TitleCheckMode::Prefix
                      : c == "words" ? TitleCheckMode::Words
                      : c == "off"   ? TitleCheckMode::Off
                                     : TitleCheckMode::Exact;
    }
    if (auto* v = t.get("template-pattern")) s.template_pattern = get_regex(*v, "template-pattern");
    if (auto* v = t.get("reference-pattern")) {
      s.reference_pattern = get_regex(*v, "reference-pattern");
      if (!s.reference_pattern.empty() && std::regex(s.reference_pattern).mark_count() < 1) {
        fail(*v, "'reference-pattern' needs a group: ( ) around the IDs it names");
      }
    }
    if (auto* v = t.get("field-syntax")) {
      const std::string f = one_of(*v, "field-syntax", {"bullets", "paragraphs", "headings", "table"});
      s.field_syntax = f == "paragraphs" ? FieldSyntax::Paragraphs
                       : f == "headings" ? FieldSyntax::Headings
                       : f == "table"    ? FieldSyntax::Table
                                         : FieldSyntax::Bullets;
    }
    if (auto* v = t.get("field-source")) {
      const std::string f = one_of(*v, "field-source", {"none", "table", "entry"});
      s.field_source = f == "table" ? FieldSource::Table : f == "entry" ? FieldSource::Entry : FieldSource::None;
    }
    if (auto* v = t.get("blank-line-after-heading")) {
      const std::string b = one_of(*v, "blank-line-after-heading", {"required", "none", "either"});
      s.blank_after_entry_heading = b == "none"     ? BlankAfterHeading::None
                                    : b == "either" ? BlankAfterHeading::Either
                                                    : BlankAfterHeading::Required;
    }
    if (auto* v = t.get("delimiter-row")) {
      const std::string d = one_of(*v, "delimiter-row", {"auto", "spaced", "tight", "header-width", "as-written"});
      s.delimiter_row = d == "spaced"         ? DelimiterRow::Spaced
                        : d == "tight"        ? DelimiterRow::Tight
                        : d == "header-width" ? DelimiterRow::HeaderWidth
                        : d == "as-written"   ? DelimiterRow::AsWritten
                                              : DelimiterRow::Auto;
    }
    if (auto* v = t.get("placeholders")) s.placeholders = get_strings(*v, "placeholders");
    if (auto* v = t.get("name-column")) name_column = get_string(*v, "name-column");
    if (auto* v = t.get("link")) s.link = one_of(*v, "link", {"name", "id"}) == "id" ? LinkMode::Id : LinkMode::Name;
    if (auto* v = t.get("id-column")) id_column = get_string(*v, "id-column");
    if (auto* v = t.get("heading-pattern")) {
      s.heading_pattern = get_string(*v, "heading-pattern");
      if (s.heading_pattern.find("{title}") == std::string::npos && s.heading_pattern.find("{id}") == std::string::npos) {
        fail(*v, "'heading-pattern' must contain {id} and/or {title}");
      }
    }
    if (auto* v = t.get("name-source")) s.name_source = one_of(*v, "name-source", {"table", "heading"}) == "heading" ? NameSource::Heading : NameSource::Table;
    if (auto* v = t.get("label-colon")) {
      const std::string c = one_of(*v, "label-colon", {"outside", "inside", "outside-always"});
      s.label_colon_inside = c == "inside";
      s.bare_label_colon = c == "outside-always";
    }
    // A register with no table names its risks in the entry headings.
    if (s.has_table || t.contains("name-column") || s.column_index(name_column) != npos) {
      s.name_column = column_by_key(s, t.contains("name-column") ? *t.get("name-column") : t, name_column);
    } else {
      s.name_column = npos;
    }
    if (auto* v = t.get("entries-required"); v && v->is_array()) {
      for (const toml::node& item : *v->as_array()) {
        const toml::table* c = item.as_table();
        if (!c) fail(item, "'entries-required' must be true, false or a list of { column, values } tables");
        check_keys(*c, "an entries-required condition", {"column", "values"});
        if (!c->contains("column") || !c->contains("values")) fail(item, "a condition needs 'column' and 'values'");
        EntryCondition cond;
        cond.column = column_by_key(s, *c->get("column"), get_string(*c->get("column"), "column"));
        cond.values = get_strings(*c->get("values"), "values");
        s.entry_conditions.push_back(std::move(cond));
      }
      s.entries_required = !s.entry_conditions.empty();
    }
    if (s.link == LinkMode::Id) {
      if (id_column.empty()) fail(t, "link = \"id\" needs 'id-column'");
      s.id_column = column_by_key(s, *t.get("id-column"), id_column);
      if (s.heading_pattern.find("{id}") == std::string::npos) {
        fail(t.contains("heading-pattern") ? *t.get("heading-pattern") : t,
             "with link = \"id\", 'heading-pattern' must contain {id}");
      }
    }
  } else {
    s.name_column = column_by_key(s, root, name_column);
  }
  config_detail::parse_risk_semantics(root, s, &fail);
  if (auto* n = root.get("policies")) {
    const toml::array* a = n->as_array();
    if (!a || !a->is_array_of_tables()) fail(*n, "'policies' must be an array of tables ([[policies]])");
    for (const toml::node& item : *a) {
      const toml::table& t = *item.as_table();
      check_keys(t, "[[policies]]",
                 {"name", "column", "values", "require-section", "class", "require", "require-one-of", "require-reference"});
      Policy p;
      p.name = t.contains("name") ? get_string(*t.get("name"), "name") : "policy";
      const bool lifecycle = t.contains("class") || t.contains("require") || t.contains("require-one-of") ||
                             t.contains("require-reference");
      if (!lifecycle && (!t.contains("column") || !t.contains("values") || !t.contains("require-section"))) {
        fail(t, "a policy needs 'column', 'values' and 'require-section'");
      }
      if (lifecycle) config_detail::parse_policy_lifecycle(t, s, p, &fail);
      if (t.contains("column")) p.column = column_by_key(s, *t.get("column"), get_string(*t.get("column"), "column"));
      if (t.contains("values")) p.values = get_strings(*t.get("values"), "values");
      if (t.contains("require-section")) {
        const std::string section = get_string(*t.get("require-section"), "require-section");
        p.section = s.section_for_label(section);
        if (p.section == npos) fail(*t.get("require-section"), "no section labelled \"" + section + "\"");
      }
      s.policies.push_back(std::move(p));
    }
  }
  if (auto* n = root.get("rules")) {
    const toml::table& t = get_table(*n, "rules");
    check_keys(t, "[rules]", {"select", "ignore", "enable", "disable", "severity", "per-file-ignores", "max-warnings"});
    RuleSettings& r = cfg.lint.rules;
    if (auto* v = t.get("select")) {
      for (const auto& p : get_strings(*v, "select")) r.select.push_back(rule_prefix(*v, p));
    }
    if (auto* v = t.get("ignore")) {
      for (const auto& p : get_strings(*v, "ignore")) r.ignore.push_back(rule_prefix(*v, p));
    }
    if (auto* v = t.get("enable")) {
      for (const auto& c : get_strings(*v, "enable")) r.enable.push_back(rule_code(*v, c));
    }
    if (auto* v = t.get("disable")) {
      for (const auto& c : get_strings(*v, "disable")) r.disable.push_back(rule_code(*v, c));
    }
    if (auto* v = t.get("severity")) {
      for (auto&& [code, level] : get_table(*v, "severity")) {
        const std::string sev =
            one_of(level, "severity", {severity_name(Severity::Error), severity_name(Severity::Warning)});
        // A code, a name, a code prefix or ALL: the most specific key wins (linter.cpp).
        r.severity[rule_prefix(level, std::string(code.str()))] = *severity_from_name(sev);
      }
    }
    if (auto* v = t.get("per-file-ignores")) {
      for (auto&& [glob, prefixes] : get_table(*v, "per-file-ignores")) {
        PerFileIgnore p{std::string(glob.str()), {}};
        for (const auto& c : get_strings(prefixes, "per-file-ignores")) p.prefixes.push_back(rule_prefix(prefixes, c));
        cfg.per_file_ignores.push_back(std::move(p));
      }
    }
    if (auto* v = t.get("max-warnings")) {
      const auto limit = v->value<std::int64_t>();
      if (!v->is_integer() || !limit || *limit < 0) fail(*v, "'max-warnings' must be a whole number, 0 or more");
      cfg.max_warnings = static_cast<std::size_t>(*limit);
    }
  }
  if (auto* n = root.get("files")) {
    const toml::table& t = get_table(*n, "files");
    check_keys(t, "[files]", {"include", "exclude"});
    if (auto* v = t.get("include")) cfg.include = get_strings(*v, "include");
    if (auto* v = t.get("exclude")) cfg.exclude = get_strings(*v, "exclude");
  }
  if (s.columns.empty()) fail(root, "the schema needs at least one column");
  try {
    config::parse_scoring(root, s);  // scales, [score], [bands], [order]: scoring_config.cpp
  } catch (const config::ScoringConfigError& e) {
    throw ConfigError{at(e.where) + e.message};
  }
  return cfg;
}

bool exists(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0;
}

}  // namespace

std::optional<std::string> find_config(const std::string& start_dir) {
  char buf[4096];
  std::string dir;
  if (::realpath(start_dir.c_str(), buf)) {
    dir = buf;
  } else {
    // A folder that does not exist (the folder of a --stdin-filename, say):
    // start from its absolute spelling, so the walk up ends at '/'.
    std::string abs = start_dir;
    if (abs.empty() || abs.front() != '/') {
      if (!::getcwd(buf, sizeof buf)) return std::nullopt;
      abs = std::string(buf) + "/" + start_dir;
    }
    dir = std::filesystem::path(abs).lexically_normal().generic_string();
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  }
  while (true) {
    const std::string candidate = (dir == "/" ? std::string() : dir) + "/" + std::string(kConfigFileName);
    if (exists(candidate)) return candidate;
    if (exists(dir + "/.git") || dir == "/" || dir.empty()) return std::nullopt;
    const std::size_t slash = dir.rfind('/');
    if (slash == std::string::npos) return std::nullopt;
    dir = slash == 0 ? "/" : dir.substr(0, slash);
  }
}

namespace {

std::string read_whole(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

std::string real_or_same(const std::string& p) {
  char buf[4096];
  return ::realpath(p.c_str(), buf) ? std::string(buf) : p;
}

// `over` wins: tables merge key by key, anything else replaces. Nodes are
// moved, not copied, because a toml++ copy drops the source position that
// errors and --show-settings report.
void merge_into(toml::table& base, toml::table&& over) {
  for (auto&& [key, value] : over) {
    toml::node* b = base.get(key.str());
    if (b && b->is_table() && value.is_table()) {
      merge_into(*b->as_table(), std::move(*value.as_table()));
    } else {
      base.insert_or_assign(key, std::move(value));
    }
  }
}

constexpr int kMaxExtendDepth = 16;

// The file's table with everything it extends merged under it; `chain`
// collects the inherited files (resolved), nearest first.
toml::table read_chain(std::string_view text, const std::string& path, std::vector<std::string>& chain) {
  toml::table t = toml::parse(text, path);
  toml::node* e = t.get("extend");
  if (!e) return t;
  const std::string rel = get_string(*e, "extend");
  const std::string parent = rel.starts_with("/") ? rel : folder_of(path) + "/" + rel;
  const std::string canonical = real_or_same(parent);
  if (canonical == real_or_same(*g_top_path) ||
      std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
    fail(*e, "'extend' leads back to " + parent + " (a cycle)");
  }
  if (chain.size() >= kMaxExtendDepth) fail(*e, "'extend' is nested more than 16 files deep");
  bool ok = false;
  const std::string parent_text = read_whole(parent, ok);
  if (!ok) fail(*e, "'extend': cannot read " + parent);
  chain.push_back(canonical);
  toml::table base = read_chain(parent_text, parent, chain);
  t.erase("extend");
  merge_into(base, std::move(t));
  return base;
}

constexpr const char* kDefaultsName = "built-in default";

std::string toml_text_of(const toml::node& n) {
  std::ostringstream os;
  n.visit([&](auto&& v) { os << toml::toml_formatter(v, toml::format_flags::none); });
  // One line per setting: arrays of tables are printed one table per line.
  std::string out;
  for (char c : os.str()) {
    if (c != '\n') {
      out += c;
    } else if (!out.empty() && out.back() != ' ' && out.back() != '[') {
      out += ' ';
    }
  }
  return out;
}

// Every leaf key ("rules.select"; an empty table is a leaf "{}") with its
// value and origin.
void flatten(const toml::table& t, const std::string& prefix, std::vector<Setting>& out) {
  for (auto&& [key, value] : t) {
    const std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (value.is_table() && !value.as_table()->empty()) {
      flatten(*value.as_table(), name, out);
      continue;
    }
    const auto& src = value.source();
    std::string origin = "built-in default";
    if (src.path && *src.path != kDefaultsName) origin = *src.path + ":" + std::to_string(src.begin.line);
    out.push_back({name, toml_text_of(value), origin});
  }
}

// The user's settings, then every default that no user key replaces (a
// default leaf is replaced by the same key or by any key under it).
std::vector<Setting> resolve_settings(const toml::table& user) {
  std::vector<Setting> out;
  flatten(user, "", out);
  std::vector<Setting> defaults = default_settings();
  for (auto& d : defaults) {
    const bool replaced = std::any_of(out.begin(), out.end(), [&](const Setting& u) {
      return u.key == d.key || u.key.starts_with(d.key + ".") || d.key.starts_with(u.key + ".");
    });
    if (!replaced) out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const Setting& a, const Setting& b) { return a.key < b.key; });
  return out;
}

}  // namespace

std::vector<Setting> default_settings() {
  std::vector<Setting> out;
  flatten(toml::parse(default_config_toml(), std::string(kDefaultsName)), "", out);
  return out;
}

Result<Config> parse_config(std::string_view toml_text, const std::string& path) {
  const std::string* previous = g_top_path;
  g_top_path = &path;
  struct Restore {
    const std::string* p;
    ~Restore() { g_top_path = p; }
  } restore{previous};
  try {
    std::vector<std::string> chain;
    toml::table root = read_chain(toml_text, path, chain);
    Config cfg = build(root, path);
    cfg.extends = std::move(chain);
    cfg.settings = resolve_settings(root);
    return cfg;
  } catch (const toml::parse_error& e) {
    return Error{ErrorKind::Config, at(e.source()) + std::string(e.description())};
  } catch (const ConfigError& e) {
    return Error{ErrorKind::Config, e.message};
  }
}

Result<Config> load_config(const std::string& path) {
  bool ok = false;
  const std::string text = read_whole(path, ok);
  if (!ok) return Error{ErrorKind::Io, "cannot read config file"};
  return parse_config(text, path);
}

std::string default_config_toml() {
  return
#include "config/default_config.toml.inc"
      ;
}

}  // namespace mdrisk
