// A small LSP client around vscode-languageserver-protocol (the library VS
// Code's client is built on): spawns `mdrisk server`, speaks to it over
// pipes, records the notifications it publishes, and converts between byte
// offsets and LSP positions independently of the server, with Node's own
// UTF-8 decoder. Shared by tests/lsp/protocol_test.js and bench/lsp_latency.js.
'use strict';
const { spawn } = require('child_process');
const lsp = require('vscode-languageserver-protocol/node');

const WAIT_MS = 15000;

class Session {
  // args: extra command-line arguments after `server`.
  constructor(bin, { cwd, args = [] } = {}) {
    this.proc = spawn(bin, ['server', ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => { this.stderr += d; });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.logged = [];
    const logger = {
      error: (m) => this.logged.push(m), warn: (m) => this.logged.push(m),
      info: () => {}, log: () => {},
    };
    this.conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(this.proc.stdout),
                                             new lsp.StreamMessageWriter(this.proc.stdin), logger);
    this.published = [];     // every publishDiagnostics params, in arrival order
    this.registrations = []; // client/registerCapability params
    this.messages = [];      // window/logMessage and showMessage params
    this.waiters = [];
    this.conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.wake();
    });
    this.conn.onNotification(lsp.LogMessageNotification.type, (p) => this.messages.push(p));
    this.conn.onNotification(lsp.ShowMessageNotification.type, (p) => this.messages.push(p));
    this.conn.onRequest(lsp.RegistrationRequest.type, (p) => {
      this.registrations.push(p);
      this.wake();
      return null;
    });
    this.conn.onError(() => {});
    this.conn.onClose(() => {});
    this.conn.listen();
  }

  wake() {
    const still = [];
    for (const w of this.waiters) (w.check() ? w.resolve() : still.push(w));
    this.waiters = still;
  }

  // Resolves once check() is true (checked on every notification), or rejects after WAIT_MS.
  until(check, what) {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
      this.waiters.push({ check, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  // The first publishDiagnostics for `uri` at index >= from (and with `version`, when given).
  async diagnostics(uri, { from = 0, version } = {}) {
    const find = () => this.published.slice(from).find((p) => p.uri === uri && (version === undefined || p.version === version));
    await this.until(() => find() !== undefined, `diagnostics of ${uri} v${version}`);
    return find();
  }

  async initialize(capabilities = {}, initializationOptions) {
    const result = await this.conn.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid, rootUri: null, capabilities, initializationOptions,
    });
    await this.conn.sendNotification(lsp.InitializedNotification.type, {});
    return result;
  }

  request(type, params) { return this.conn.sendRequest(type, params); }
  notify(type, params) { return this.conn.sendNotification(type, params); }

  // Sends the request; resolves to { error } or { result } instead of throwing.
  async attempt(type, params) {
    try {
      return { result: await this.conn.sendRequest(type, params) };
    } catch (error) {
      return { error };
    }
  }

  open(uri, text, version = 1) {
    return this.notify(lsp.DidOpenTextDocumentNotification.type,
                       { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri, version, contentChanges) {
    return this.notify(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  // shutdown + exit; resolves to the exit status.
  async close() {
    await this.request(lsp.ShutdownRequest.type);
    await this.notify(lsp.ExitNotification.type);
    const status = await this.exited;
    this.conn.dispose();
    return status;
  }

  kill() {
    this.proc.kill('SIGKILL');
    this.conn.dispose();
  }
}

// Byte offsets <-> LSP positions over a UTF-8 text, for 'utf-8', 'utf-16'
// (JavaScript's own string units) and 'utf-32'. Lines end at \n, \r\n or \r.
class Positions {
  constructor(text) {
    this.buf = Buffer.from(text, 'utf8');
    this.starts = [0];
    for (let i = 0; i < this.buf.length; i++) {
      const c = this.buf[i];
      if (c === 0x0a || (c === 0x0d && this.buf[i + 1] !== 0x0a)) this.starts.push(i + 1);
    }
  }

  lineEnd(line) {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.buf.length;
    if (end > this.starts[line] && this.buf[end - 1] === 0x0a) end--;
    if (end > this.starts[line] && this.buf[end - 1] === 0x0d) end--;
    return end;
  }

  units(bytes, enc) {
    const s = bytes.toString('utf8');
    if (enc === 'utf-8') return bytes.length;
    if (enc === 'utf-16') return s.length;
    return [...s].length;
  }

  position(offset, enc) {
    let line = 0;
    while (line + 1 < this.starts.length && this.starts[line + 1] <= offset) line++;
    const at = Math.min(offset, this.lineEnd(line));
    return { line, character: this.units(this.buf.subarray(this.starts[line], at), enc) };
  }

  range(begin, end, enc) { return { start: this.position(begin, enc), end: this.position(end, enc) }; }

  offset(pos, enc) {
    if (pos.line >= this.starts.length) return this.buf.length;
    const start = this.starts[pos.line], end = this.lineEnd(pos.line);
    for (let i = start; i <= end; i++) {
      if (i < end && (this.buf[i] & 0xc0) === 0x80) continue;  // inside a character
      if (this.units(this.buf.subarray(start, i), enc) >= pos.character) return i;
    }
    return end;
  }
}

// Applies LSP TextEdits (positions in `enc`) to a text, as an editor does.
function applyTextEdits(text, edits, enc) {
  const pos = new Positions(text);
  const spans = edits.map((e) => ({ b: pos.offset(e.range.start, enc), e: pos.offset(e.range.end, enc), t: e.newText }));
  spans.sort((x, y) => y.b - x.b || y.e - x.e);
  let buf = Buffer.from(text, 'utf8');
  for (const s of spans) buf = Buffer.concat([buf.subarray(0, s.b), Buffer.from(s.t, 'utf8'), buf.subarray(s.e)]);
  return buf.toString('utf8');
}

// Applies byte-offset edits ({begin, end, content}) the way `mdrisk` describes them in --format json.
function applyByteEdits(text, edits) {
  let buf = Buffer.from(text, 'utf8');
  const sorted = [...edits].sort((x, y) => y.begin - x.begin);
  for (const e of sorted) buf = Buffer.concat([buf.subarray(0, e.begin), Buffer.from(e.content, 'utf8'), buf.subarray(e.end)]);
  return buf.toString('utf8');
}

module.exports = { Session, Positions, applyTextEdits, applyByteEdits, lsp };
