// The report model: each register row (or entry) read once into a
// ReportRisk, then placed in the matrix and counted.
#include <algorithm>
#include <map>

#include "base/text.hpp"
#include "mdrisk/report.hpp"
#include "mdrisk/scoring.hpp"
#include "model/canonical.hpp"
#include "model/cell_value.hpp"
#include "report/scale.hpp"

namespace mdrisk {
namespace {

// The schema column with one of these keys (first match in this order),
// else one whose header or alias is one of them: registers call the same
// role by different names.
std::size_t find_column(const Schema& s, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      if (text::iequals(s.columns[c].key, n)) return c;
    }
  }
  for (std::string_view n : names) {
    const std::size_t c = s.column_for_header(n);
    if (c != npos) return c;
  }
  return npos;
}

struct Roles {
  std::size_t likelihood, impact, status, owner, band, id;
};

Roles roles_of(const Schema& s) {
  Roles r{};
  r.likelihood = find_column(s, {"likelihood", "probability", "wahrscheinlichkeit", "occurrence", "l"});
  r.impact = find_column(s, {"impact", "severity", "consequence", "auswirkung", "i", "s"});
  r.status = find_column(s, {"status", "state"});
  r.owner = find_column(s, {"owner", "verantwortlich", "assignee"});
  r.band = find_column(s, {"band", "level", "rating", "risk level"});
  r.id = s.id_column != npos ? s.id_column : find_column(s, {"id", "nr"});
  return r;
}

// The value a column holds in `raw`, canonically spelled (the higher end of
// a range), or the trimmed text for a free-text column.
std::string column_value(const ColumnSpec& col, std::string_view raw, const std::vector<std::string>* ordered) {
  const std::string_view text = text::trim(raw);
  if (col.allowed.empty()) return unescape_pipes(text);
  if (!col.qualifiers && !col.ranges) return std::string(match_value(col, text).canonical);
  const ValueSpan span = locate_value(col, text);
  if (!span.found) return {};
  std::string first(match_value(col, span.value(text)).canonical);
  if (span.second_end > span.second_begin && ordered) {
    std::string second(match_value(col, span.second(text)).canonical);
    if (report::value_rank(*ordered, second) > report::value_rank(*ordered, first)) return second;
  }
  return first;
}

void count(std::vector<ReportCount>& counts, const std::string& value) {
  const std::string v = value.empty() ? "(none)" : value;
  for (ReportCount& c : counts) {
    if (c.value == v) {
      ++c.count;
      return;
    }
  }
  counts.push_back({v, 1});
}

// Seeds counts with a scale's values (shown even at zero), in that order.
std::vector<ReportCount> seeded(const std::vector<std::string>& values) {
  std::vector<ReportCount> out;
  for (const std::string& v : values) out.push_back({v, 0});
  return out;
}

// An axis: the column's scale (mdrisk/scoring.hpp) when it has one,
// lowest first, with each level's number; else its allowed values ordered
// by report::ordered_values, numbered 1..N.
ReportAxis axis_of(const Schema& s, std::size_t c, std::vector<std::int64_t>& numbers) {
  ReportAxis axis;
  axis.column = s.columns[c].header;
  const Scale scale = effective_scale(s, c);
  if (!scale.empty()) {
    for (const ScaleLevel& level : scale.levels) {
      axis.values.push_back(level.label);
      numbers.push_back(level.value);
    }
    return axis;
  }
  axis.values = report::ordered_values(s.columns[c]);
  for (std::size_t i = 0; i < axis.values.size(); ++i) numbers.push_back(static_cast<std::int64_t>(i + 1));
  return axis;
}

// The position of `value` on an axis (case-insensitive: a scale's labels
// may be spelled unlike the column's values), or npos.
std::size_t position(const std::vector<std::string>& values, std::string_view value) {
  if (value.empty()) return npos;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (text::iequals(values[i], value)) return i;
  }
  return npos;
}

void place(RegisterReport& r) {
  r.cells.assign(r.likelihood.values.size(), std::vector<std::vector<std::size_t>>(r.impact.values.size()));
  r.unrated = 0;
  for (std::size_t i = 0; i < r.risks.size(); ++i) {
    const ReportRisk& risk = r.risks[i];
    const std::size_t l = position(r.likelihood.values, risk.likelihood);
    const std::size_t m = position(r.impact.values, risk.impact);
    if (!risk.rated() || l == npos || m == npos) {
      ++r.unrated;
      continue;
    }
    r.cells[l][m].push_back(i);
  }
}

}  // namespace

RegisterReport build_report(const Tracker& t, const std::string& name) {
  const Schema& s = *t.schema;
  const Roles roles = roles_of(s);
  RegisterReport r;
  r.name = name;
  std::vector<std::string> band_scale;
  std::vector<std::int64_t> l_numbers, i_numbers;
  if (roles.likelihood != npos) r.likelihood = axis_of(s, roles.likelihood, l_numbers);
  if (roles.impact != npos) r.impact = axis_of(s, roles.impact, i_numbers);
  const Scoring& scoring = s.scoring;
  const bool configured_bands = !scoring.bands.empty() && scoring.enabled();
  if (!l_numbers.empty() && !i_numbers.empty()) {
    r.max_score = static_cast<std::size_t>(std::max<std::int64_t>(
        0, *std::max_element(l_numbers.begin(), l_numbers.end()) * *std::max_element(i_numbers.begin(), i_numbers.end())));
  }
  // The band of a score: the configured bands, else report::band_of.
  const auto band_for = [&](std::size_t score) -> std::string {
    if (score == 0) return {};
    if (configured_bands) {
      const ScoreBand* b = band_for_score(scoring, static_cast<std::int64_t>(score));
      return b ? b->label : std::string();
    }
    return report::band_of(score, r.max_score);
  };
  r.cell_bands.assign(l_numbers.size(), std::vector<std::string>(i_numbers.size()));
  for (std::size_t l = 0; l < l_numbers.size(); ++l) {
    for (std::size_t i = 0; i < i_numbers.size(); ++i) {
      r.cell_bands[l][i] = band_for(static_cast<std::size_t>(std::max<std::int64_t>(0, l_numbers[l] * i_numbers[i])));
    }
  }
  if (roles.status != npos) r.by_status = seeded(s.columns[roles.status].allowed);
  if (roles.band != npos && !s.columns[roles.band].allowed.empty()) {
    band_scale = report::ordered_values(s.columns[roles.band]);
    std::reverse(band_scale.begin(), band_scale.end());  // highest first
  } else if (configured_bands) {
    for (auto b = scoring.bands.rbegin(); b != scoring.bands.rend(); ++b) band_scale.push_back(b->label);
  } else if (r.max_score > 0) {
    band_scale = {"High", "Medium", "Low"};
  }
  r.by_band = seeded(band_scale);

  // Fills a risk from a getter of column values (cell or entry field).
  // `row`: the register row (for a configured score), or npos.
  const auto fill = [&](ReportRisk& risk, std::size_t row, const auto& raw_of) {
    const auto get = [&](std::size_t c, const std::vector<std::string>* ordered) -> std::string {
      if (c == npos) return {};
      const std::string_view* raw = raw_of(c);
      return raw ? column_value(s.columns[c], *raw, ordered) : std::string();
    };
    risk.likelihood = get(roles.likelihood, &r.likelihood.values);
    risk.impact = get(roles.impact, &r.impact.values);
    risk.status = get(roles.status, nullptr);
    risk.owner = get(roles.owner, nullptr);
    const std::size_t l = position(r.likelihood.values, risk.likelihood);
    const std::size_t m = position(r.impact.values, risk.impact);
    risk.likelihood_rank = l == npos ? 0 : static_cast<std::size_t>(std::max<std::int64_t>(1, l_numbers[l]));
    risk.impact_rank = m == npos ? 0 : static_cast<std::size_t>(std::max<std::int64_t>(1, i_numbers[m]));
    risk.score = risk.likelihood_rank * risk.impact_rank;
    // A configured score (a score column, or a formula) is the register's
    // own: the report shows it rather than the product.
    if (risk.rated() && row != npos && scoring.enabled() &&
        (scoring.score_column != npos || !scoring.formula.empty())) {
      if (const auto score = row_score(t, row); score && *score > 0) risk.score = static_cast<std::size_t>(*score);
    }
    if (roles.band != npos && !s.columns[roles.band].allowed.empty()) risk.band = get(roles.band, nullptr);
    if (risk.band.empty()) risk.band = band_for(risk.score);
  };

  if (t.table) {
    for (std::size_t row = 0; row < t.row_count(); ++row) {
      ReportRisk risk;
      risk.file = name;
      risk.line = t.row(row).line;
      const Cell* name_cell = t.cell(row, s.name_column);
      risk.name = name_cell ? unescape_pipes(name_cell->text) : std::string();
      const Cell* id_cell = roles.id != npos ? t.cell(row, roles.id) : nullptr;
      risk.label = id_cell && !id_cell->text.empty() ? unescape_pipes(id_cell->text) : risk.name;
      const Table& table = t.table_of_row(row);
      if (table.group) risk.group = std::string(text::trim(table.group->text));
      std::string_view holder;
      fill(risk, row, [&](std::size_t c) -> const std::string_view* {
        const Cell* cell = t.cell(row, c);
        if (!cell) return nullptr;
        holder = cell->text;
        return &holder;
      });
      r.risks.push_back(std::move(risk));
    }
  } else if (!s.has_table) {
    for (const Entry& e : t.entries) {
      ReportRisk risk;
      risk.file = name;
      risk.line = e.heading.first_line;
      risk.name = std::string(e.title.empty() ? e.heading.text : e.title);
      risk.label = e.id.empty() ? risk.name : std::string(e.id);
      fill(risk, npos, [&](std::size_t c) -> const std::string_view* {
        for (const ColumnField& f : e.column_fields) {
          if (f.column == c) return &f.value;
        }
        return nullptr;
      });
      r.risks.push_back(std::move(risk));
    }
  }
  for (const ReportRisk& risk : r.risks) {
    if (roles.status != npos) count(r.by_status, risk.status);
    if (!band_scale.empty()) count(r.by_band, risk.band);
    if (roles.owner != npos) count(r.by_owner, risk.owner);
  }
  const bool grouped = std::any_of(r.risks.begin(), r.risks.end(), [](const ReportRisk& k) { return !k.group.empty(); });
  if (grouped) {
    for (const ReportRisk& risk : r.risks) count(r.by_group, risk.group);
  }
  place(r);
  return r;
}

RegisterReport combine_reports(const std::vector<RegisterReport>& reports) {
  RegisterReport all;
  all.name = "all files";
  const auto merge_axis = [](ReportAxis& into, const ReportAxis& from) {
    if (into.column.empty()) into.column = from.column;
    for (const std::string& v : from.values) {
      if (std::find(into.values.begin(), into.values.end(), v) == into.values.end()) into.values.push_back(v);
    }
  };
  const auto merge_counts = [](std::vector<ReportCount>& into, const std::vector<ReportCount>& from) {
    for (const ReportCount& c : from) {
      auto it = std::find_if(into.begin(), into.end(), [&](const ReportCount& x) { return x.value == c.value; });
      if (it == into.end()) {
        into.push_back(c);
      } else {
        it->count += c.count;
      }
    }
  };
  for (const RegisterReport& r : reports) {
    merge_axis(all.likelihood, r.likelihood);
    merge_axis(all.impact, r.impact);
    all.risks.insert(all.risks.end(), r.risks.begin(), r.risks.end());
    merge_counts(all.by_status, r.by_status);
    merge_counts(all.by_band, r.by_band);
    merge_counts(all.by_owner, r.by_owner);
    merge_counts(all.by_group, r.by_group);
    all.max_score = std::max(all.max_score, r.max_score);
  }
  place(all);
  // Each cell's band as the first report holding both values says it.
  all.cell_bands.assign(all.likelihood.values.size(), std::vector<std::string>(all.impact.values.size()));
  for (std::size_t l = 0; l < all.likelihood.values.size(); ++l) {
    for (std::size_t i = 0; i < all.impact.values.size(); ++i) {
      for (const RegisterReport& r : reports) {
        const std::size_t rl = position(r.likelihood.values, all.likelihood.values[l]);
        const std::size_t ri = position(r.impact.values, all.impact.values[i]);
        if (rl == npos || ri == npos || rl >= r.cell_bands.size() || ri >= r.cell_bands[rl].size()) continue;
        all.cell_bands[l][i] = r.cell_bands[rl][ri];
        break;
      }
    }
  }
  return all;
}

std::vector<std::size_t> top_risks(const RegisterReport& r, std::size_t top) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < r.risks.size(); ++i) {
    if (r.risks[i].rated()) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return r.risks[a].score > r.risks[b].score; });
  if (order.size() > top) order.resize(top);
  return order;
}

std::vector<RegisterReport> ReportSet::all() const {
  std::vector<RegisterReport> out;
  if (files.size() > 1) out.push_back(combine_reports(files));
  out.insert(out.end(), files.begin(), files.end());
  return out;
}

}  // namespace mdrisk
