// `mdrisk export --format json` and `mdrisk render MODEL.json`. The
// document's shape is docs/model.schema.json; tests/exchange/check.py validates
// exports against it.
#include <nlohmann/json.hpp>

#include "exchange/register_data.hpp"
#include "model/canonical.hpp"

namespace mdrisk {
namespace {

using json = nlohmann::ordered_json;

constexpr int kModelVersion = 1;

json position(const SourceFile& src, ByteRange r) {
  const Position p = src.position_of(r.begin);
  return json{{"line", p.line}, {"column", p.column}, {"offset", r.begin}, {"length", r.size()}};
}

json heading_json(const SourceFile& src, const Heading& h) {
  return json{{"text", std::string(h.text)}, {"level", h.level}, {"position", position(src, h.range)}};
}

json key_or_null(const Schema& s, std::size_t column) {
  return column < s.columns.size() ? json(s.columns[column].key) : json(nullptr);
}

}  // namespace

std::string export_json(const Tracker& t) {
  const SourceFile& src = *t.source;
  const Schema& schema = *t.schema;
  json doc;
  doc["mdrisk_model"] = kModelVersion;
  doc["file"] = src.name();
  doc["title"] = t.title ? heading_json(src, *t.title) : json(nullptr);
  doc["tables"] = json::array();
  const auto tables = t.tables();
  for (const Table* table : tables) {
    json jt;
    jt["group"] = table->group && tables.size() > 1 ? heading_json(src, *table->group) : json(nullptr);
    jt["position"] = position(src, table->range);
    jt["header"] = json::array();
    for (std::size_t c = 0; c < table->header.cells.size(); ++c) {
      const Cell& cell = table->header.cells[c];
      const std::size_t col = c < table->column_of_cell.size() ? table->column_of_cell[c] : npos;
      jt["header"].push_back(
          {{"text", unescape_pipes(cell.text)}, {"column", key_or_null(schema, col)}, {"position", position(src, cell.text_range)}});
    }
    jt["rows"] = json::array();
    for (const Row& row : table->rows) {
      json jr;
      jr["position"] = position(src, row.range);
      jr["cells"] = json::array();
      for (const Cell& cell : row.cells) {
        jr["cells"].push_back({{"text", unescape_pipes(cell.text)}, {"position", position(src, cell.text_range)}});
      }
      jt["rows"].push_back(std::move(jr));
    }
    doc["tables"].push_back(std::move(jt));
  }
  const exchange::RegisterData data = exchange::read_register(t);
  doc["entries"] = json::array();
  for (std::size_t i = 0; i < t.entries.size(); ++i) {
    const Entry& e = t.entries[i];
    json je;
    je["heading"] = heading_json(src, e.heading);
    je["id"] = e.id.empty() ? json(nullptr) : json(std::string(e.id));
    je["title"] = std::string(e.title);
    je["row"] = e.row == npos ? json(nullptr) : json(e.row);
    je["position"] = position(src, e.range);
    je["fields"] = json::array();
    for (const Section& s : e.sections) {
      je["fields"].push_back({{"label", std::string(s.label.text)},
                              {"section", s.section < schema.sections.size() ? json(schema.sections[s.section].label) : json(nullptr)},
                              {"column", nullptr},
                              {"text", std::string(s.text)},
                              {"position", position(src, s.label.range)}});
    }
    for (const ColumnField& f : e.column_fields) {
      je["fields"].push_back({{"label", std::string(f.label.text)},
                              {"section", nullptr},
                              {"column", key_or_null(schema, f.column)},
                              {"text", std::string(f.value)},
                              {"position", position(src, f.label.range)}});
    }
    je["body"] = data.entries[i].body;
    doc["entries"].push_back(std::move(je));
  }
  return doc.dump(2) + "\n";
}

Result<std::string> render_json(std::string_view text, const Schema& schema, const RenderOptions& options) {
  const auto bad = [](std::string why) { return Error{ErrorKind::InvalidInput, "not an mdrisk model: " + why}; };
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return bad("invalid JSON");
  if (!doc.is_object() || !doc.contains("mdrisk_model")) return bad("no \"mdrisk_model\" version");
  if (doc.at("mdrisk_model") != kModelVersion) return bad("version " + doc.at("mdrisk_model").dump() + " (this mdrisk reads 1)");
  try {
    exchange::RegisterData data;
    if (doc.contains("title") && doc.at("title").is_object()) data.title = doc.at("title").at("text").get<std::string>();
    for (const json& jt : doc.at("tables")) {
      exchange::TableData td;
      // at(), never operator[] on a const object: a missing key there is
      // an assertion, not an exception.
      if (jt.contains("group") && jt.at("group").is_object()) {
        td.group = jt["group"].at("text").get<std::string>();
        td.group_level = jt["group"].at("level").get<int>();
      }
      for (const json& h : jt.at("header")) td.header.push_back(h.at("text").get<std::string>());
      for (const json& row : jt.at("rows")) {
        std::vector<std::string> cells;
        for (const json& c : row.at("cells")) cells.push_back(c.at("text").get<std::string>());
        td.rows.push_back(std::move(cells));
      }
      data.tables.push_back(std::move(td));
    }
    for (const json& je : doc.at("entries")) {
      exchange::EntryData ed;
      ed.heading = je.at("heading").at("text").get<std::string>();
      ed.level = je.at("heading").at("level").get<int>();
      ed.body = je.at("body").get<std::string>();
      data.entries.push_back(std::move(ed));
    }
    for (const auto& table : data.tables) {
      for (const auto& row : table.rows) {
        for (const auto& c : row) {
          if (c.find_first_of("\r\n") != std::string::npos) return bad("a table cell holds a line break");
        }
      }
    }
    return exchange::write_register(data, schema, false, options);
  } catch (const json::exception& e) {
    return bad(std::string("a missing or mistyped member (") + e.what() + ")");
  }
}

}  // namespace mdrisk
