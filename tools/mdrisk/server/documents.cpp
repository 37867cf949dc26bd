#include "server/documents.hpp"

#include <stdexcept>

namespace mdrisk::server {

void apply_change(Document& doc, const nlohmann::json& change, Encoding enc) {
  if (!change.is_object() || !change.contains("text") || !change["text"].is_string()) {
    throw std::invalid_argument("a content change needs a \"text\" string");
  }
  const std::string& text = change["text"].get_ref<const std::string&>();
  if (!change.contains("range")) {
    doc.text = text;
    return;
  }
  const auto& range = change["range"];
  const LineIndex index(doc.text);
  const auto at = [&](const nlohmann::json& p) {
    return index.offset_of({p.at("line").get<std::size_t>(), p.at("character").get<std::size_t>()}, enc);
  };
  std::size_t begin = at(range.at("start")), end = at(range.at("end"));
  if (end < begin) std::swap(begin, end);  // a reversed range still names the same span
  doc.text.replace(begin, end - begin, text);
}

}  // namespace mdrisk::server
