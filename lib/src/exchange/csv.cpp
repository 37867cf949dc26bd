#include "exchange/csv.hpp"

namespace mdrisk::csv {
namespace {

bool formula_start(std::string_view v) {
  std::size_t i = 0;
  while (i < v.size() && v[i] == '\'') ++i;
  if (i == v.size()) return false;
  const char c = v[i];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::string neutralise(std::string_view value) {
  return formula_start(value) ? "'" + std::string(value) : std::string(value);
}

std::string restore(std::string_view field) {
  if (!field.empty() && field.front() == '\'' && formula_start(field)) return std::string(field.substr(1));
  return std::string(field);
}

std::string record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : fields[i]) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

std::vector<std::vector<std::string>> parse(std::string_view text, std::optional<ParseError>& error,
                                            std::vector<std::size_t>* lines) {
  std::vector<std::vector<std::string>> records;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t i = 0, line = 1;
  while (i < text.size()) {
    std::vector<std::string> fields;
    const std::size_t record_line = line;
    for (;;) {
      std::string field;
      if (i < text.size() && text[i] == '"') {
        const std::size_t opened = line;
        ++i;
        bool closed = false;
        while (i < text.size()) {
          const char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field += c;
        }
        if (!closed) {
          error = ParseError{opened, "a quoted field is never closed"};
          return {};
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
          error = ParseError{line, "text after a closing quote (a quote inside a field is written \"\")"};
          return {};
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
          if (text[i] == '"') {
            error = ParseError{line, "a quote inside an unquoted field (quote the field and write \"\")"};
            return {};
          }
          field += text[i++];
        }
      }
      fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    ++line;
    // A blank line is no record (spreadsheets leave them at the end).
    if (fields.size() == 1 && fields[0].empty()) continue;
    records.push_back(std::move(fields));
    if (lines) lines->push_back(record_line);
  }
  return records;
}

}  // namespace mdrisk::csv
