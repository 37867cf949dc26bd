#pragma once
// The requests about one document, answered from its latest Analysis.
// Each is a pure function of (document, analysis, params): the server loop
// handles ordering, debouncing and errors.
#include <nlohmann/json.hpp>

#include <string>

#include "server/analysis.hpp"
#include "server/line_index.hpp"

namespace mdrisk::server {

using json = nlohmann::json;

// What the client said it can take (from initialize's capabilities).
struct ClientCaps {
  bool document_changes = false;      // WorkspaceEdit.documentChanges with versions
  bool hierarchical_symbols = false;  // DocumentSymbol[] rather than SymbolInformation[]
  bool markdown_hover = false;        // MarkupContent of kind markdown
  bool watch_files_dynamic = false;   // workspace/didChangeWatchedFiles by registration
};

struct RequestContext {
  const std::string& uri;
  const Analysis& analysis;
  Encoding enc;
  const ClientCaps& caps;
};

// A request the server answers with a ResponseError (code per JSON-RPC/LSP).
struct RequestError {
  int code;
  std::string message;
};
inline constexpr int kInvalidParams = -32602;
inline constexpr int kRequestFailed = -32803;

// Kind of the "apply every safe fix" source action.
inline constexpr const char* kFixAllKind = "source.fixAll.mdrisk";

json code_actions(const RequestContext& ctx, const json& params);
json formatting(const RequestContext& ctx);  // throws RequestError when --fix refuses
json hover(const RequestContext& ctx, const json& params);
json definition(const RequestContext& ctx, const json& params);
json document_symbols(const RequestContext& ctx);

}  // namespace mdrisk::server
