// The server loop: one thread reads messages, applies edits, lints when a
// document has been quiet for the debounce time, and answers requests from
// the latest lint. A request never sees a stale lint: it lints first.
// Edits are coalesced: while messages are queued they are read first, so
// a burst of edits is linted once, for its last version.
#include "server/server.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <ctime>
#include <map>

#include "server/convert.hpp"
#include "server/documents.hpp"
#include "server/features.hpp"
#include "server/transport.hpp"
#include "server/uri.hpp"

namespace mdrisk::server {

namespace {

using Clock = std::chrono::steady_clock;

// JSON-RPC / LSP error codes.
constexpr int kParseError = -32700, kInvalidRequest = -32600, kMethodNotFound = -32601, kInternalError = -32603,
              kServerNotInitialized = -32002;
// How often open documents' configuration files are checked on disk, for
// clients that do not report file changes.
constexpr auto kConfigPoll = std::chrono::seconds(2);

// CPU time this process has used, in ms (for -v timings).
double cpu_ms() {
  timespec ts{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

bool is_config_uri(std::string_view uri) {
  return uri.ends_with("/" + std::string(kConfigFileName)) || uri == kConfigFileName;
}

class Server {
 public:
  Server(Transport& t, const ServerOptions& o)
      : t_(t), opt_(o), debounce_(o.debounce_ms), resolver_(new_resolver()) {}

  int run() {
    auto next_poll = Clock::now() + kConfigPoll;
    for (;;) {
      auto wake = next_poll;
      for (const auto& [uri, d] : docs_) {
        if (d.lint_due && *d.lint_due < wake) wake = *d.lint_due;
      }
      // Rounded up: a wait rounded down to 0 ms would spin until the deadline.
      const auto wait = std::chrono::ceil<std::chrono::milliseconds>(wake - Clock::now());
      Incoming in = t_.read(std::max(wait, std::chrono::milliseconds(0)));
      switch (in.kind) {
        case Incoming::Kind::Message:
          try {
            dispatch(in.message);
          } catch (const std::exception& e) {  // requests and notifications catch their own; this is the envelope
            spdlog::error("cannot handle a message: {}", e.what());
            send_error(nullptr, kInvalidRequest, std::string("Invalid request: ") + e.what());
          }
          if (exit_code_) return *exit_code_;
          break;
        case Incoming::Kind::BadJson:
          spdlog::warn("malformed message: {}", in.error);
          send_error(nullptr, kParseError, "Parse error: " + in.error);
          break;
        case Incoming::Kind::BadHeader:
          spdlog::warn("dropped input: {}", in.error);
          send_error(nullptr, kParseError, "Parse error: " + in.error);
          break;
        case Incoming::Kind::Timeout:
          break;
        case Incoming::Kind::Eof:
          return shutdown_ ? 0 : 1;
      }
      lint_due_documents();
      if (Clock::now() >= next_poll) {
        next_poll = Clock::now() + kConfigPoll;
        if (initialized_) poll_configs();
      }
    }
  }

 private:
  std::shared_ptr<cli::ConfigResolver> new_resolver() const {
    return std::make_shared<cli::ConfigResolver>(opt_.config.explicit_path, opt_.config.disabled,
                                                 opt_.config.select, opt_.config.ignore, std::string());
  }

  // ---- messages ---------------------------------------------------------

  void dispatch(const json& msg) {
    if (!msg.is_object() || !msg.contains("jsonrpc") || msg["jsonrpc"] != "2.0") {
      send_error(msg.is_object() && msg.contains("id") ? msg["id"] : json(nullptr), kInvalidRequest,
                 "not a JSON-RPC 2.0 message");
      return;
    }
    const bool has_method = msg.contains("method") && msg["method"].is_string();
    if (!has_method) return;  // a response to one of our requests (registerCapability): nothing to do
    const std::string method = msg["method"];
    const json params = msg.value("params", json::object());
    if (msg.contains("id")) {
      request(msg["id"], method, params);
    } else {
      notification(method, params);
    }
  }

  void request(const json& id, const std::string& method, const json& params) {
    if (!id.is_number_integer() && !id.is_string()) {
      send_error(nullptr, kInvalidRequest, "a request id must be a number or a string");
      return;
    }
    // Whatever goes wrong in one request is that request's error; the
    // server carries on with the next message.
    try {
      if (method == "initialize") return respond(id, initialize(params));
      if (!initialized_) return send_error(id, kServerNotInitialized, "the server is not initialized");
      if (shutdown_) return send_error(id, kInvalidRequest, "the server is shutting down");
      if (method == "shutdown") {
        shutdown_ = true;
        return respond(id, nullptr);
      }
      if (method == "textDocument/codeAction") return respond(id, code_actions(context(params), params));
      if (method == "textDocument/formatting") return respond(id, formatting(context(params)));
      if (method == "textDocument/hover") return respond(id, hover(context(params), params));
      if (method == "textDocument/definition") return respond(id, definition(context(params), params));
      if (method == "textDocument/documentSymbol") return respond(id, document_symbols(context(params)));
      send_error(id, kMethodNotFound, "unknown method " + method);
    } catch (const RequestError& e) {
      send_error(id, e.code, e.message);
    } catch (const json::exception& e) {
      send_error(id, kInvalidParams, std::string("invalid params: ") + e.what());
    } catch (const std::exception& e) {
      spdlog::error("{} failed: {}", method, e.what());
      send_error(id, kInternalError, method + " failed: " + e.what());
    } catch (...) {
      send_error(id, kInternalError, method + " failed");
    }
  }

  void notification(const std::string& method, const json& params) {
    if (method == "exit") {
      exit_code_ = shutdown_ ? 0 : 1;
      return;
    }
    if (!initialized_ || shutdown_) return;  // the protocol says: drop them
    try {
      if (method == "initialized") return on_initialized();
      if (method == "textDocument/didOpen") return did_open(params);
      if (method == "textDocument/didChange") return did_change(params);
      if (method == "textDocument/didClose") return did_close(params);
      if (method == "textDocument/didSave") return did_save(params);
      if (method == "workspace/didChangeWatchedFiles") return did_change_watched_files(params);
      // $/cancelRequest, $/setTrace, workspace/didChangeConfiguration: nothing to do.
    } catch (const std::exception& e) {
      // A notification has no response: tell the client's log.
      spdlog::error("{} failed: {}", method, e.what());
      log_to_client(method + " failed: " + e.what());
    } catch (...) {
      log_to_client(method + " failed");
    }
  }

  void log_to_client(const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"method", "window/logMessage"}, {"params", {{"type", 1}, {"message", "mdrisk: " + message}}}});
  }

  void respond(const json& id, json result) { send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }

  void send_error(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

  void send(const json& msg) {
    if (!t_.send(msg)) spdlog::warn("cannot write to the client");
  }

  // ---- lifecycle --------------------------------------------------------

  json initialize(const json& params) {
    if (initialized_) throw RequestError{kInvalidRequest, "initialize was already called"};
    const json caps = params.value("capabilities", json::object());
    const auto at = [&](std::initializer_list<const char*> path) {
      const json* j = &caps;
      for (const char* k : path) {
        if (!j->is_object() || !j->contains(k)) return json();
        j = &(*j)[k];
      }
      return *j;
    };
    // positionEncoding: UTF-8 when offered (no conversion), else UTF-16
    // (the protocol's mandatory default), UTF-32 only when it is all there is.
    // Clients that predate 3.17 may offer clangd's `offsetEncoding` instead.
    json offered = at({"general", "positionEncodings"});
    bool clangd_style = false;
    if (!offered.is_array() && caps.contains("offsetEncoding") && caps["offsetEncoding"].is_array()) {
      offered = caps["offsetEncoding"];
      clangd_style = true;
    }
    const auto offers = [&](const char* e) {
      return offered.is_array() && std::find(offered.begin(), offered.end(), e) != offered.end();
    };
    enc_ = Encoding::Utf16;
    if (offers("utf-8")) {
      enc_ = Encoding::Utf8;
    } else if (offered.is_array() && !offered.empty() && !offers("utf-16") && offers("utf-32")) {
      enc_ = Encoding::Utf32;
    }
    caps_.document_changes = at({"workspace", "workspaceEdit", "documentChanges"}) == true;
    caps_.hierarchical_symbols = at({"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"}) == true;
    const json formats = at({"textDocument", "hover", "contentFormat"});
    caps_.markdown_hover = formats.is_array() && std::find(formats.begin(), formats.end(), "markdown") != formats.end();
    caps_.watch_files_dynamic = at({"workspace", "didChangeWatchedFiles", "dynamicRegistration"}) == true;
    if (params.contains("initializationOptions") && params["initializationOptions"].is_object()) {
      const json& o = params["initializationOptions"];
      if (o.contains("debounceMs") && o["debounceMs"].is_number_integer()) {
        debounce_ = std::chrono::milliseconds(std::clamp<long long>(o["debounceMs"].get<long long>(), 0, 10000));
      }
    }
    initialized_ = true;
    spdlog::debug("initialize: position encoding {}", encoding_name(enc_));
    json result = {
        {"capabilities",
         {
             {"positionEncoding", encoding_name(enc_)},
             {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
             {"codeActionProvider", {{"codeActionKinds", {"quickfix", kFixAllKind}}}},
             {"documentFormattingProvider", true},
             {"hoverProvider", true},
             {"definitionProvider", true},
             {"documentSymbolProvider", true},
         }},
        {"serverInfo", {{"name", "mdrisk"}, {"version", MDRISK_VERSION}}},
    };
    if (clangd_style) result["offsetEncoding"] = encoding_name(enc_);
    return result;
  }

  void on_initialized() {
    if (!caps_.watch_files_dynamic) return;  // the poll covers clients that cannot watch
    send({{"jsonrpc", "2.0"},
          {"id", "mdrisk-watch-config"},
          {"method", "client/registerCapability"},
          {"params",
           {{"registrations",
             json::array({{{"id", "mdrisk-watch-config"},
                           {"method", "workspace/didChangeWatchedFiles"},
                           {"registerOptions", {{"watchers", json::array({{{"globPattern", "**/.mdrisk.toml"}}})}}}}})}}}});
  }

  // ---- documents --------------------------------------------------------

  void did_open(const json& params) {
    const json& td = params.at("textDocument");
    const std::string uri = td.at("uri");
    Document d;
    d.uri = uri;
    d.path = path_from_uri(uri);
    d.version = td.value("version", 0LL);
    d.text = td.at("text");
    auto& doc = docs_[uri] = std::move(d);
    if (is_config_uri(uri)) return;  // a configuration, not a tracker: watched, never linted
    lint_now(doc);
  }

  void did_change(const json& params) {
    const json& td = params.at("textDocument");
    auto it = docs_.find(td.at("uri").get<std::string>());
    if (it == docs_.end()) throw std::invalid_argument("didChange for a document that is not open");
    Document& doc = it->second;
    for (const auto& change : params.at("contentChanges")) apply_change(doc, change, enc_);
    if (td.contains("version") && td["version"].is_number_integer()) doc.version = td["version"];
    if (is_config_uri(doc.uri)) return;
    // Debounce: an edit after a pause is linted at once (a person typing
    // sees every keystroke's findings); edits closer together than the
    // debounce time wait until the document has been quiet that long.
    const auto now = Clock::now();
    const bool burst = doc.last_change && now - *doc.last_change < debounce_;
    doc.last_change = now;
    doc.lint_due = burst ? now + debounce_ : now;
  }

  void did_close(const json& params) {
    const std::string uri = params.at("textDocument").at("uri");
    if (docs_.erase(uri) == 0 || is_config_uri(uri)) return;
    // Findings of a closed document would linger in the client's list.
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/publishDiagnostics"},
          {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
  }

  void did_save(const json& params) {
    if (is_config_uri(params.at("textDocument").at("uri").get<std::string>())) config_changed();
  }

  void did_change_watched_files(const json& params) {
    for (const auto& change : params.at("changes")) {
      if (is_config_uri(change.at("uri").get<std::string>())) return config_changed();
    }
  }

  // A `.mdrisk.toml` was created, edited or deleted: forget every resolved
  // configuration and lint every open tracker again.
  void config_changed() {
    resolver_ = new_resolver();
    for (auto& [uri, doc] : docs_) {
      if (!is_config_uri(uri)) lint_now(doc);
    }
  }

  void poll_configs() {
    std::map<std::string, std::string> seen;  // folder -> signature
    for (const auto& [uri, doc] : docs_) {
      if (!doc.analysis) continue;
      const std::string folder = config_folder(doc.path);
      auto it = seen.find(folder);
      if (it == seen.end()) it = seen.emplace(folder, config_signature(opt_.config, folder)).first;
      if (it->second != doc.analysis->config_signature) {
        spdlog::debug("configuration of {} changed on disk", uri);
        return config_changed();
      }
    }
  }

  void lint_now(Document& doc) {
    doc.lint_due.reset();
    const auto start = Clock::now();
    const double cpu_start = cpu_ms();
    doc.analysis = analyse(doc.version, doc.text, doc.path, opt_.config, resolver_);
    const auto linted = Clock::now();
    const double lint_cpu = cpu_ms() - cpu_start;
    json list = diagnostics_json(*doc.analysis, doc.uri, enc_);
    const auto converted = Clock::now();
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/publishDiagnostics"},
          {"params", {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(list)}}}});
    const auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    // Wall and CPU time: on a busy machine the two differ a lot.
    spdlog::debug("{} v{}: {} findings; lint {:.1f} ms (cpu {:.1f} ms), convert {:.1f} ms, send {:.1f} ms", doc.uri,
                  doc.version, doc.analysis->diagnostics.size(), ms(linted - start), lint_cpu, ms(converted - linted),
                  ms(Clock::now() - converted));
  }

  // Debounce: lint documents that have been quiet long enough, but not
  // while more messages are waiting (a burst of edits is linted once).
  void lint_due_documents() {
    const auto now = Clock::now();
    bool any_due = false;
    for (const auto& [uri, d] : docs_) any_due = any_due || (d.lint_due && *d.lint_due <= now);
    if (!any_due) return;
    if (t_.pending()) {
      // ... unless the edits never stop: then lint at most every few debounce periods.
      bool overdue = false;
      for (const auto& [uri, d] : docs_) overdue = overdue || (d.lint_due && *d.lint_due + 4 * debounce_ + std::chrono::milliseconds(50) <= now);
      if (!overdue) return;
    }
    for (auto& [uri, d] : docs_) {
      if (d.lint_due && *d.lint_due <= now) lint_now(d);
    }
  }

  // The analysis a request about `params.textDocument` reads: the current text's.
  RequestContext context(const json& params) {
    const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
    auto it = docs_.find(uri);
    if (it == docs_.end()) throw RequestError{kInvalidParams, "document is not open: " + uri};
    Document& doc = it->second;
    if (is_config_uri(uri)) throw RequestError{kInvalidParams, "not a tracker: " + uri};
    if (!doc.analysis || doc.lint_due || doc.analysis->version != doc.version) lint_now(doc);
    return RequestContext{doc.uri, *doc.analysis, enc_, caps_};
  }

  Transport& t_;
  ServerOptions opt_;
  std::chrono::milliseconds debounce_;
  std::shared_ptr<cli::ConfigResolver> resolver_;
  Encoding enc_ = Encoding::Utf16;
  ClientCaps caps_;
  bool initialized_ = false, shutdown_ = false;
  std::optional<int> exit_code_;
  std::map<std::string, Document> docs_;
};

}  // namespace

int run_server(const ServerOptions& options) {
  // A client that goes away must end the server with EOF, not SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  Transport transport(STDIN_FILENO, STDOUT_FILENO);
  Server server(transport, options);
  return server.run();
}

}  // namespace mdrisk::server
