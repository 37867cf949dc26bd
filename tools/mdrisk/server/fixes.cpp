// textDocument/codeAction and textDocument/formatting: the findings' own
// Fix edits as quick fixes, and `mdrisk --fix` output as "fix all" and as
// the document's formatting.
#include <algorithm>

#include "server/convert.hpp"
#include "server/features.hpp"

namespace mdrisk::server {

namespace {

json workspace_edit(const RequestContext& ctx, json edits) {
  if (ctx.caps.document_changes) {
    return {{"documentChanges",
             json::array({{{"textDocument", {{"uri", ctx.uri}, {"version", ctx.analysis.version}}},
                           {"edits", std::move(edits)}}})}};
  }
  return {{"changes", {{ctx.uri, std::move(edits)}}}};
}

// CodeActionContext.only: a kind is wanted when it equals an entry or is a
// sub-kind of one ("source" covers "source.fixAll.mdrisk").
bool wanted(const json& only, std::string_view kind) {
  if (!only.is_array()) return true;
  for (const auto& o : only) {
    if (!o.is_string()) continue;
    const std::string& k = o.get_ref<const std::string&>();
    if (kind == k || (kind.size() > k.size() && kind.starts_with(k) && kind[k.size()] == '.')) return true;
  }
  return false;
}

bool touches(ByteRange finding, ByteRange asked) { return finding.begin <= asked.end && asked.begin <= finding.end; }

}  // namespace

json code_actions(const RequestContext& ctx, const json& params) {
  json actions = json::array();
  const Analysis& a = ctx.analysis;
  if (!a.source) return actions;
  const ByteRange asked = byte_range(*a.index, params.at("range"), ctx.enc);
  const json only = params.contains("context") ? params["context"].value("only", json()) : json();

  if (wanted(only, "quickfix")) {
    for (const auto& d : a.diagnostics) {
      if (!d.fix || d.fix->applicability == Applicability::DisplayOnly || !touches(d.range, asked)) continue;
      const bool safe = d.fix->applicability == Applicability::Safe;
      actions.push_back({
          {"title", safe ? d.fix->title : d.fix->title + " (unsafe)"},
          {"kind", "quickfix"},
          {"diagnostics", json::array({diagnostic_json(a, d, ctx.uri, ctx.enc)})},
          {"isPreferred", safe},
          {"edit", workspace_edit(ctx, text_edits_json(a, d.fix->edits, ctx.enc))},
      });
    }
  }

  // "Fix all" is what `mdrisk --fix` writes, so it is only offered when
  // there is a safe fix and the safety checks accept the result.
  const bool any_safe = std::any_of(a.diagnostics.begin(), a.diagnostics.end(), [](const Diagnostic& d) {
    return d.fix && d.fix->applicability == Applicability::Safe;
  });
  if (any_safe && wanted(only, kFixAllKind)) {
    const auto& fixed = a.fixed_text();
    if (fixed && *fixed != a.text) {
      actions.push_back({
          {"title", "Fix all safe mdrisk problems"},
          {"kind", kFixAllKind},
          {"edit", workspace_edit(ctx, diff_edits_json(*a.index, a.text, *fixed, ctx.enc))},
      });
    }
  }
  return actions;
}

json formatting(const RequestContext& ctx) {
  const Analysis& a = ctx.analysis;
  const auto& fixed = a.fixed_text();
  if (!fixed) throw RequestError{kRequestFailed, "mdrisk cannot format this document: " + fixed.error().message};
  return diff_edits_json(*a.index, a.text, *fixed, ctx.enc);
}

}  // namespace mdrisk::server
