# Writes OUTPUT, a C++ file defining mdrisk::cli::rule_doc(), with the bytes
# of every DOCS_DIR/MR*.md page as a char array (hex, so no page content can
# break a string literal). Run by the build (cmake -P) whenever a page changes.
file(GLOB pages "${DOCS_DIR}/MR*.md")
list(SORT pages)
set(body "")
set(table "")
set(i 0)
foreach(page IN LISTS pages)
  get_filename_component(code "${page}" NAME_WE)
  file(READ "${page}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND body "constexpr char kPage${i}[] = {${bytes} 0};\n")
  string(APPEND table "    {\"${code}\", std::string_view(kPage${i}, ${size})},\n")
  math(EXPR i "${i} + 1")
endforeach()
set(content "// Generated from docs/rules/*.md by tools/mdrisk/embed_rule_docs.cmake. Do not edit.
#include <array>
#include <string_view>
#include <utility>

#include \"rule_docs.hpp\"

namespace mdrisk::cli {
namespace {
${body}
const std::pair<std::string_view, std::string_view> kPages[] = {
${table}    {\"\", \"\"},
};
}  // namespace

std::string_view rule_doc(std::string_view code) {
  for (const auto& [c, page] : kPages) {
    if (!c.empty() && c == code) return page;
  }
  return {};
}

}  // namespace mdrisk::cli
")
# Only touch the file when it changes, so an unchanged set of pages rebuilds nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
