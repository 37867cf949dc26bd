// Latency of `mdrisk server` as an editor sees it, through the same client
// library as tests/lsp (vscode-languageserver-protocol), on one tracker:
//   open    didOpen -> publishDiagnostics (a full lint, no debounce)
//   change  an incremental one-cell edit (didChange) -> publishDiagnostics
//           for that version, edits PACE_MS apart (typing; default 150, the
//           pause Neovim's client waits for); each edit flips a value's
//           case, so the findings really change every time
//   burst   10 such edits sent back to back -> diagnostics of the last one
//           (coalesced and debounced: one lint)
//   lint    the server's own time per lint, from its -v log (wall and CPU)
//   action  textDocument/codeAction at a finding (quick fixes + fix-all)
//   format  textDocument/formatting (the --fix loop and its safety checks)
// Times are wall clock from sending to receiving, in ms; the client waits
// for each answer before the next edit (a person typing, not a flood).
// usage: node lsp_latency.js MDRISK_BINARY TRACKER ITERATIONS DEBOUNCE_MS [PACE_MS]
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { Session, Positions, lsp } = require('../tests/lsp/lsp_client');

const [bin, tracker, iterations, debounce, paceArg] = process.argv.slice(2);
const pace = Number(paceArg || 150);
const sleep = (t) => new Promise((resolve) => setTimeout(resolve, t));
const n = Number(iterations);
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, min: s[0], median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};

(async () => {
  const text = fs.readFileSync(tracker, 'utf8');
  const uri = pathToFileURL(path.resolve(tracker)).href;
  const s = new Session(path.resolve(bin), { cwd: path.dirname(path.resolve(tracker)), args: ['-v', '--debounce-ms', debounce] });
  await s.initialize({ general: { positionEncodings: ['utf-16'] } });  // the conversion costs something: measure it

  let t0 = process.hrtime.bigint();
  await s.open(uri, text, 1);
  const first = await s.diagnostics(uri, { version: 1 });
  const open = ms(t0);

  // Cells to flip: the Impact value of rows spread through the table.
  const lines = text.split('\n');
  const rows = [];
  lines.forEach((l, i) => { if (/^\| [^|]+\| (High|Medium|Low) *\|/i.test(l)) rows.push(i); });
  const pos = new Positions(text);
  const change = [];
  const burst = [];
  let version = 1;
  const current = new Map();  // line -> its current Impact word
  // The next edit: flip the case of the Impact value of a row spread through the table.
  const edit = (k) => {
    const line = rows[(k * 37) % rows.length];
    const cells = lines[line].split('|');
    const word = current.get(line) || cells[2].trim();
    const flipped = word === word.toLowerCase() ? word[0].toUpperCase() + word.slice(1) : word.toLowerCase();
    current.set(line, flipped);
    // Column of the Impact cell's word, in UTF-16 units (JavaScript string indices).
    const col = cells[0].length + 1 + cells[1].length + 1 + cells[2].indexOf(cells[2].trim());
    return [{ range: { start: { line, character: col }, end: { line, character: col + word.length } }, text: flipped }];
  };
  const cpuOf = (pid) => {  // utime + stime of a process, in ms
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 1000 / 100;  // USER_HZ is 100 on Linux
  };
  const cpuBefore = cpuOf(s.proc.pid);
  for (let k = 0; k < n; k++) {
    await sleep(pace);
    version++;
    const from = s.published.length;
    t0 = process.hrtime.bigint();
    await s.change(uri, version, edit(k));
    await s.diagnostics(uri, { from, version });
    change.push(ms(t0));
  }
  const serverCpuChange = cpuOf(s.proc.pid) - cpuBefore;
  let published = 0;
  for (let b = 0; b < Math.max(3, Math.floor(n / 10)); b++) {
    await sleep(pace);
    const from = s.published.length;
    for (let k = 0; k < 10; k++) {
      version++;
      if (k === 9) t0 = process.hrtime.bigint();
      await s.change(uri, version, edit(n + b * 10 + k));
    }
    await s.diagnostics(uri, { from, version });
    burst.push(ms(t0));
    published += s.published.slice(from).filter((p) => p.uri === uri).length;
  }
  const action = [];
  const format = [];
  for (let k = 0; k < Math.min(n, 20); k++) {
    const d = first.diagnostics[k % Math.max(1, first.diagnostics.length)];
    const range = d ? d.range : pos.range(0, 0, 'utf-16');
    t0 = process.hrtime.bigint();
    await s.request(lsp.CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } });
    action.push(ms(t0));
    t0 = process.hrtime.bigint();
    await s.request(lsp.DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    format.push(ms(t0));
    // A new version, so the next requests cannot reuse this one's --fix result.
    version++;
    await s.change(uri, version, []);
  }
  const status = await s.close();
  const fmt = (name, x) => {
    const st = stats(x);
    return `${name.padEnd(7)} n=${String(st.n).padStart(3)}  min ${st.min.toFixed(1).padStart(6)}  median ${st.median.toFixed(1).padStart(6)}  p95 ${st.p95.toFixed(1).padStart(6)}  max ${st.max.toFixed(1).padStart(6)} ms`;
  };
  console.log(`${path.basename(tracker)}: ${Buffer.byteLength(text)} bytes, ${lines.length} lines, ${rows.length} rows; debounce ${debounce} ms, edits ${pace} ms apart; ${first.diagnostics.length} findings on open`);
  console.log(`open    ${open.toFixed(1)} ms`);
  console.log(fmt('change', change));
  console.log(`${fmt('burst', burst)}  (${(published / burst.length).toFixed(1)} lints per 10 edits)`);
  const lint = [...s.stderr.matchAll(/lint ([0-9.]+) ms \(cpu ([0-9.]+) ms\)/g)];
  console.log(fmt('lint', lint.map((m) => Number(m[1]))));
  console.log(fmt('lintcpu', lint.map((m) => Number(m[2]))));
  console.log(`server CPU per typed edit (parse, lint, convert, send): ${(serverCpuChange / n).toFixed(1)} ms`);
  console.log(fmt('action', action));
  console.log(fmt('format', format));
  process.exit(status.code === 0 ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
