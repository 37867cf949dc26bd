// ctest lsp_protocol: drives `mdrisk server` over pipes with
// vscode-languageserver-protocol as the client and checks every request it
// serves against the CLI run on the same text: the findings of
// `mdrisk --format json`, the rule pages of `--format sarif`, the output of
// `mdrisk --fix`. Positions are checked in UTF-8 and UTF-16 on lines with
// CJK text and emoji, converted here with Node's own decoder.
// usage: node protocol_test.js MDRISK_BINARY FIXTURES_DIR
'use strict';
const assert = require('assert/strict');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { Session, Positions, applyTextEdits, applyByteEdits, lsp } = require('./lsp_client');

const [bin, fixtures] = process.argv.slice(2).map((p) => path.resolve(p));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mdrisk-lsp-'));
fs.mkdirSync(path.join(work, '.git'));  // the config search stops here, as in a repository
const seedText = fs.readFileSync(path.join(fixtures, 'seed/risk-mitigation.md'), 'utf8');

// ---- the CLI as the reference ---------------------------------------------

function cli(args, cwd = work, input) {
  const r = spawnSync(bin, args, { cwd, input, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

function writeDoc(dir, name, text) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return { file, uri: pathToFileURL(file).href };
}

// `mdrisk --format json FILE`, run from the file's folder.
function cliFindings(file) {
  const r = cli(['--format', 'json', file], path.dirname(file));
  assert.ok(r.status === 0 || r.status === 1, `mdrisk exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// What `mdrisk --fix` writes for `text` at `file`'s place (a sibling copy, so the same config applies).
function cliFixed(file, text) {
  const copy = path.join(path.dirname(file), `.fixed-${path.basename(file)}`);
  fs.writeFileSync(copy, text);
  const r = cli(['--fix', copy], path.dirname(file));
  assert.ok(r.status === 0 || r.status === 1, `mdrisk --fix exited ${r.status}: ${r.stderr}`);
  const out = fs.readFileSync(copy, 'utf8');
  fs.unlinkSync(copy);
  return out;
}

const helpUri = (() => {
  const sarif = JSON.parse(cli(['--format', 'sarif', path.join(fixtures, 'seed/risk-mitigation.md')]).stdout);
  const map = new Map(sarif.runs[0].tool.driver.rules.map((r) => [r.id, r.helpUri]));
  return (code) => map.get(code);
})();

const summaries = new Map(cli(['rules']).stdout.trim().split('\n').map((l) => {
  const m = /^(MR\d+)\s+\S+\s+\S+\s+(.*?)( \(fixable\))?$/.exec(l);
  return [m[1], m[2]];
}));

// The LSP diagnostics a CLI finding must become.
function expectedDiagnostics(findings, text, uri, enc) {
  const pos = new Positions(text);
  return findings.map((f) => {
    const d = {
      range: pos.range(f.range.start.offset, f.range.end.offset, enc),
      severity: f.severity === 'error' ? 1 : 2,
      code: f.code,
      codeDescription: { href: helpUri(f.code) },
      source: 'mdrisk',
      message: f.message,
    };
    if (f.related && f.related.length) {
      d.relatedInformation = f.related.map((r) => ({
        location: { uri, range: pos.range(r.range.start.offset, r.range.end.offset, enc) },
        message: r.message,
      }));
    }
    if (f.code === 'MR501') d.tags = [lsp.DiagnosticTag.Unnecessary];
    return d;
  });
}

// The server's diagnostics without the fix description it attaches as `data`.
function withoutData(diags) {
  return diags.map((d) => {
    const { data, ...rest } = d;
    return rest;
  });
}

// ---- a tiny runner ---------------------------------------------------------

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
let checks = 0;
const check = (cond, msg) => { checks++; assert.ok(cond, msg); };
const equal = (a, b, msg) => { checks++; assert.deepStrictEqual(a, b, msg); };

const UTF8 = { general: { positionEncodings: ['utf-8', 'utf-16'] } };
const UTF16 = { general: { positionEncodings: ['utf-16'] } };
const FULL_CAPS = {
  general: { positionEncodings: ['utf-8', 'utf-16'] },
  workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

async function withSession(caps, fn, opts = {}) {
  const s = new Session(bin, { cwd: opts.cwd || work, args: opts.args || [] });
  try {
    const init = await s.initialize(caps, opts.initializationOptions);
    await fn(s, init);
    const status = await s.close();
    equal(status, { code: 0, signal: null }, 'shutdown + exit ends the server with status 0');
  } catch (e) {
    e.message += `\nserver stderr:\n${s.stderr}`;
    s.kill();
    throw e;
  }
}

// ---- lifecycle -------------------------------------------------------------

test('initialize negotiates the position encoding and lists the capabilities', async () => {
  const cases = [
    [UTF8, 'utf-8'],
    [UTF16, 'utf-16'],
    [{}, 'utf-16'],  // a client that says nothing gets the protocol's default
    [{ general: { positionEncodings: ['utf-32'] } }, 'utf-32'],
  ];
  for (const [caps, want] of cases) {
    await withSession(caps, async (s, init) => {
      equal(init.capabilities.positionEncoding, want, `offered ${JSON.stringify(caps)}`);
      equal(init.serverInfo.name, 'mdrisk');
      const c = init.capabilities;
      equal(c.textDocumentSync, { openClose: true, change: lsp.TextDocumentSyncKind.Incremental, save: { includeText: false } });
      equal(c.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.mdrisk']);
      check(c.documentFormattingProvider && c.hoverProvider && c.definitionProvider && c.documentSymbolProvider,
            'formatting, hover, definition and symbols are offered');
    });
  }
  // clangd's pre-3.17 extension, which older Neovim configurations use.
  await withSession({ offsetEncoding: ['utf-8', 'utf-16'] }, async (s, init) => {
    equal(init.offsetEncoding, 'utf-8');
    equal(init.capabilities.positionEncoding, 'utf-8');
  });
});

test('requests before initialize and after shutdown are refused; exit without shutdown is status 1', async () => {
  const s = new Session(bin, { cwd: work });
  const early = await s.attempt(lsp.DocumentSymbolRequest.type, { textDocument: { uri: 'file:///x.md' } });
  equal(early.error && early.error.code, -32002, 'ServerNotInitialized before initialize');
  await s.initialize(UTF8);
  await s.request(lsp.ShutdownRequest.type);
  const late = await s.attempt(lsp.HoverRequest.type, { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } });
  equal(late.error && late.error.code, lsp.ErrorCodes.InvalidRequest, 'InvalidRequest after shutdown');
  await s.notify(lsp.ExitNotification.type);
  equal((await s.exited).code, 0);
  s.conn.dispose();

  const t = new Session(bin, { cwd: work });
  await t.initialize(UTF8);
  await t.notify(lsp.ExitNotification.type);
  equal((await t.exited).code, 1, 'exit without shutdown');
  t.conn.dispose();
});

// ---- diagnostics -----------------------------------------------------------

for (const enc of ['utf-8', 'utf-16']) {
  test(`diagnostics on open equal the CLI's findings (${enc})`, async () => {
    const caps = enc === 'utf-8' ? UTF8 : UTF16;
    const docs = [
      ['seed', 'risk-mitigation.md'],
      ['MR203-heading-mismatch', 'input.md'],  // two-place findings: relatedInformation
      ['cjk-emoji-table', 'input.md'],         // wide characters before the findings
      ['crlf-line-endings', 'input.md'],
    ].map(([dir, name]) => {
      const text = fs.readFileSync(path.join(fixtures, dir, name), 'utf8');
      return { text, ...writeDoc(path.join(work, `open-${enc}`, dir), name, text) };
    });
    await withSession(caps, async (s) => {
      for (const d of docs) {
        await s.open(d.uri, d.text, 1);
        const p = await s.diagnostics(d.uri, { version: 1 });
        const want = expectedDiagnostics(cliFindings(d.file), d.text, d.uri, enc);
        check(want.length > 0, `${d.file} has findings`);
        equal(withoutData(p.diagnostics), want, d.file);
      }
      const related = (await s.diagnostics(docs[1].uri)).diagnostics.filter((x) => x.relatedInformation);
      check(related.length > 0, 'MR203 findings carry relatedInformation');
    });
  });
}

test('an unused suppression is tagged Unnecessary', async () => {
  const text = seedText.replace('## Summary Table', '<!-- mdrisk-disable-next-line MR102 -->\n## Summary Table');
  const d = writeDoc(path.join(work, 'tags'), 'tracker.md', text);
  await withSession(UTF8, async (s) => {
    await s.open(d.uri, text);
    const p = await s.diagnostics(d.uri);
    const unused = p.diagnostics.filter((x) => x.code === 'MR501');
    equal(unused.length, 1, 'one MR501');
    equal(unused[0].tags, [lsp.DiagnosticTag.Unnecessary]);
    check(p.diagnostics.every((x) => x.code === 'MR501' || x.tags === undefined), 'other findings have no tags');
    equal(withoutData(p.diagnostics), expectedDiagnostics(cliFindings(d.file), text, d.uri, 'utf-8'));
  });
});

// A tracker whose findings sit after emoji and CJK text, where UTF-8 bytes,
// UTF-16 units and code points all differ.
const wideText = fs.readFileSync(path.join(__dirname, 'wide-tracker.md'), 'utf8');

for (const enc of ['utf-8', 'utf-16']) {
  test(`incremental edits in ${enc} positions land where the client meant`, async () => {
    const d = writeDoc(path.join(work, `wide-${enc}`), 'tracker.md', wideText);
    await withSession(enc === 'utf-8' ? UTF8 : UTF16, async (s) => {
      await s.open(d.uri, wideText, 1);
      const first = await s.diagnostics(d.uri, { version: 1 });
      equal(withoutData(first.diagnostics), expectedDiagnostics(cliFindings(d.file), wideText, d.uri, enc));
      // The value-case finding on the emoji row, at the column this encoding counts.
      const lines = wideText.split('\n');
      const mr106 = first.diagnostics.find((x) => x.code === 'MR106' && x.range.start.line === 6);
      const jsIndex = lines[6].indexOf('high');
      const want = enc === 'utf-16' ? jsIndex : Buffer.byteLength(lines[6].slice(0, jsIndex));
      equal(mr106.range.start.character, want, 'MR106 column after the emoji');
      check(enc === 'utf-16' ? want !== Buffer.byteLength(lines[6].slice(0, jsIndex)) : want !== jsIndex,
            'the encodings really differ on this line');

      // Replace 'high' by 'High' and 'low' by 'LOW' on the next line, in this encoding's positions.
      const pos = new Positions(wideText);
      const at = (line, str) => {
        const byte = pos.starts[line] + Buffer.byteLength(lines[line].slice(0, lines[line].indexOf(str)));
        return pos.range(byte, byte + Buffer.byteLength(str), enc);
      };
      await s.change(d.uri, 2, [{ range: at(6, 'high'), text: 'High' }]);
      let expected = wideText.replace('| high |', '| High |');
      const mid = new Positions(expected);
      const byte = mid.starts[7] + Buffer.byteLength(lines[7].slice(0, lines[7].indexOf('low')));
      await s.change(d.uri, 3, [{ range: mid.range(byte, byte + 3, enc), text: 'LOW' }]);
      expected = expected.replace('| low |', '| LOW |');
      const after = await s.diagnostics(d.uri, { version: 3 });
      const e = writeDoc(path.join(work, `wide-${enc}`), 'expected.md', expected);
      equal(withoutData(after.diagnostics), expectedDiagnostics(cliFindings(e.file), expected, d.uri, enc),
            'the findings of the edited text');
      // The server's text is what the client has: formatting it gives --fix of that text.
      const edits = await s.request(lsp.DocumentFormattingRequest.type,
                                    { textDocument: { uri: d.uri }, options: { tabSize: 2, insertSpaces: true } });
      equal(applyTextEdits(expected, edits, enc), cliFixed(d.file, expected));
    });
  });
}

test('full-text changes replace the document; a burst of changes is linted for its last version', async () => {
  const d = writeDoc(path.join(work, 'full'), 'tracker.md', seedText);
  await withSession(UTF8, async (s) => {
    await s.open(d.uri, seedText, 1);
    await s.diagnostics(d.uri, { version: 1 });
    const from = s.published.length;
    let text = seedText;
    for (let v = 2; v <= 6; v++) {
      text = text.replace(/\| (High|Medium|Low) \|/, (m, x) => `| ${x.toLowerCase()} |`);
      await s.change(d.uri, v, [{ text }]);
    }
    const last = await s.diagnostics(d.uri, { from, version: 6 });
    const e = writeDoc(path.join(work, 'full'), 'expected.md', text);
    equal(withoutData(last.diagnostics), expectedDiagnostics(cliFindings(e.file), text, d.uri, 'utf-8'));
    const versions = s.published.slice(from).filter((p) => p.uri === d.uri).map((p) => p.version);
    check(versions.every((v, i) => i === 0 || v > versions[i - 1]), `versions only go up: ${versions}`);
    console.log(`  5 changes sent together: diagnostics published for versions ${versions.join(', ')}`);
  }, { initializationOptions: { debounceMs: 50 } });
});

// ---- code actions and formatting -------------------------------------------

for (const docChanges of [false, true]) {
  test(`code actions: one per fixable finding, safe and unsafe, and fix-all (${docChanges ? 'documentChanges' : 'changes'})`, async () => {
    const d = writeDoc(path.join(work, `actions-${docChanges}`), 'tracker.md', seedText);
    const findings = cliFindings(d.file);
    const caps = docChanges ? FULL_CAPS : UTF8;
    const editsOf = (action) => {
      if (docChanges) {
        equal(action.edit.documentChanges.length, 1);
        equal(action.edit.documentChanges[0].textDocument, { uri: d.uri, version: 1 });
        return action.edit.documentChanges[0].edits;
      }
      equal(Object.keys(action.edit.changes), [d.uri]);
      return action.edit.changes[d.uri];
    };
    await withSession(caps, async (s) => {
      await s.open(d.uri, seedText, 1);
      const diags = (await s.diagnostics(d.uri)).diagnostics;
      const pos = new Positions(seedText);
      let safe = 0, unsafe = 0;
      for (const f of findings) {
        if (!f.fix) continue;
        const range = pos.range(f.range.start.offset, f.range.start.offset, 'utf-8');
        const actions = await s.request(lsp.CodeActionRequest.type,
                                        { textDocument: { uri: d.uri }, range, context: { diagnostics: diags, only: ['quickfix'] } });
        const title = f.fix.applicability === 'unsafe' ? `${f.fix.title} (unsafe)` : f.fix.title;
        const mine = actions.filter((a) => a.title === title && a.diagnostics[0].message === f.message);
        equal(mine.length, 1, `one action for ${f.code} at ${f.range.start.line}:${f.range.start.column}`);
        const a = mine[0];
        equal(a.kind, 'quickfix');
        equal(a.isPreferred, f.fix.applicability === 'safe');
        const want = applyByteEdits(seedText, f.fix.edits.map((e) => ({ begin: e.range.start.offset, end: e.range.end.offset, content: e.content })));
        equal(applyTextEdits(seedText, editsOf(a), 'utf-8'), want, `${f.code}'s edit is the CLI's Fix`);
        f.fix.applicability === 'safe' ? safe++ : unsafe++;
        check(actions.every((x) => x.kind === 'quickfix'), 'only: quickfix gives quick fixes only');
      }
      check(safe > 0 && unsafe > 0, `safe (${safe}) and unsafe (${unsafe}) fixes were offered`);

      const fixAll = async (only) => (await s.request(lsp.CodeActionRequest.type, {
        textDocument: { uri: d.uri }, range: pos.range(0, 0, 'utf-8'), context: { diagnostics: [], only },
      })).filter((a) => a.kind === 'source.fixAll.mdrisk');
      for (const only of [['source.fixAll.mdrisk'], ['source'], ['source.fixAll'], undefined]) {
        const all = await fixAll(only);
        equal(all.length, 1, `fix-all offered for only=${JSON.stringify(only)}`);
        equal(applyTextEdits(seedText, editsOf(all[0]), 'utf-8'), cliFixed(d.file, seedText), 'fix-all is `mdrisk --fix`');
      }
      equal((await fixAll(['quickfix'])).length, 0, 'no fix-all when only quick fixes are asked for');
    });
  });
}

test('formatting is the --fix output; a document mdrisk cannot fix is refused with a message', async () => {
  const d = writeDoc(path.join(work, 'format'), 'tracker.md', seedText);
  const messy = fs.readFileSync(path.join(fixtures, 'seed-flattened/input.md'), 'utf8');
  const m = writeDoc(path.join(work, 'format'), 'messy.md', messy);
  await withSession(UTF16, async (s) => {
    for (const [doc, text] of [[d, seedText], [m, messy]]) {
      await s.open(doc.uri, text);
      const edits = await s.request(lsp.DocumentFormattingRequest.type,
                                    { textDocument: { uri: doc.uri }, options: { tabSize: 4, insertSpaces: true } });
      check(edits.length > 0, 'there is something to format');
      equal(applyTextEdits(text, edits, 'utf-16'), cliFixed(doc.file, text), `${doc.file}: formatting == --fix`);
    }
    // Formatting the formatted text changes nothing.
    const fixed = cliFixed(d.file, seedText);
    await s.change(d.uri, 2, [{ text: fixed }]);
    equal(await s.request(lsp.DocumentFormattingRequest.type, { textDocument: { uri: d.uri }, options: { tabSize: 4, insertSpaces: true } }), []);

    // A NUL byte: mdrisk refuses the text (the CLI says so too), so formatting is refused, not guessed.
    const nul = seedText.replace('Rust submodule divergence |', 'Rust submodule\u0000divergence |');
    const n = writeDoc(path.join(work, 'format'), 'nul.md', nul);
    const cliRun = cli([n.file]);
    equal(cliRun.status, 2);
    await s.open(n.uri, nul);
    const p = await s.diagnostics(n.uri);
    equal(p.diagnostics.length, 1, 'one diagnostic saying why nothing was linted');
    check(/NUL/.test(p.diagnostics[0].message) && cliRun.stderr.includes('NUL'), p.diagnostics[0].message);
    const refused = await s.attempt(lsp.DocumentFormattingRequest.type, { textDocument: { uri: n.uri }, options: { tabSize: 4, insertSpaces: true } });
    equal(refused.error && refused.error.code, lsp.LSPErrorCodes.RequestFailed);
    check(/cannot format/.test(refused.error.message) && /NUL/.test(refused.error.message), refused.error.message);
    // The server is still serving.
    equal((await s.request(lsp.DocumentFormattingRequest.type, { textDocument: { uri: d.uri }, options: { tabSize: 4, insertSpaces: true } })).length, 0);
  });
});

test('formatting edits are exact on every kind of change: lines rewritten, reordered, added, thousands of them', async () => {
  // bench/gen_tracker.py writes a messy register; dropping the blank line
  // after each entry heading makes --fix add lines back (MR402).
  const gen = spawnSync('python3', [path.join(path.dirname(fixtures), 'bench/gen_tracker.py'), '400', '--messy'], { encoding: 'utf8' });
  equal(gen.status, 0, `gen_tracker.py: ${gen.stderr}`);
  const big = gen.stdout.replace(/^(### .*)\n\n/gm, '$1\n');
  const docs = [
    ['MR204-entry-order', fs.readFileSync(path.join(fixtures, 'MR204-entry-order/input.md'), 'utf8')],
    ['MR402-blank-lines', fs.readFileSync(path.join(fixtures, 'MR402-blank-lines/input.md'), 'utf8')],
    ['messy-400', gen.stdout],
    ['messy-400-no-blank-lines', big],
  ];
  await withSession(UTF16, async (s) => {
    for (const [name, text] of docs) {
      const d = writeDoc(path.join(work, 'format-kinds'), `${name}.md`, text);
      await s.open(d.uri, text);
      const edits = await s.request(lsp.DocumentFormattingRequest.type,
                                    { textDocument: { uri: d.uri }, options: { tabSize: 2, insertSpaces: true } });
      const fixed = cliFixed(d.file, text);
      check(fixed !== text, `${name}: --fix changes it`);
      equal(applyTextEdits(text, edits, 'utf-16'), fixed, `${name}: formatting == --fix (${edits.length} edits)`);
    }
  });
});

// ---- hover, definition, symbols ---------------------------------------------

const seedLines = seedText.split('\n');
const lineOf = (prefix) => {
  const i = seedLines.findIndex((l) => l.toLowerCase().startsWith(prefix.toLowerCase()));
  assert.ok(i >= 0, `no line starts with ${prefix}`);
  return i;
};

test('hover: a finding shows its rule; a table row its entry; an entry heading its row', async () => {
  const d = writeDoc(path.join(work, 'hover'), 'tracker.md', seedText);
  for (const caps of [FULL_CAPS, UTF8]) {
    const md = caps === FULL_CAPS;
    await withSession(caps, async (s) => {
      await s.open(d.uri, seedText);
      const diags = (await s.diagnostics(d.uri)).diagnostics;
      const missing = diags.find((x) => x.code === 'MR201');
      const h = await s.request(lsp.HoverRequest.type, { textDocument: { uri: d.uri }, position: missing.range.start });
      equal(h.contents.kind, md ? 'markdown' : 'plaintext');
      check(h.contents.value.includes('MR201') && h.contents.value.includes(summaries.get('MR201')), h.contents.value);
      check(h.contents.value.includes(helpUri('MR201')), 'links the rule page');
      check(h.contents.value.includes('has no detailed entry'), 'the row has no entry to show');

      const row = lineOf('| Rust submodule divergence');
      const onCell = await s.request(lsp.HoverRequest.type, { textDocument: { uri: d.uri }, position: { line: row, character: 4 } });
      check(onCell.contents.value.includes(seedLines[lineOf('### Rust submodule divergence')]), 'the entry heading');
      const contextLine = seedLines[lineOf('### Rust submodule divergence') + 1];
      check(onCell.contents.value.includes(contextLine), 'and its body, as written');

      const heading = lineOf('### Rust submodule divergence');
      const onHeading = await s.request(lsp.HoverRequest.type, { textDocument: { uri: d.uri }, position: { line: heading, character: 6 } });
      if (md) {
        check(onHeading.contents.value.includes(seedLines[row]), 'the row, as written');
      } else {
        check(/Impact: High/.test(onHeading.contents.value), onHeading.contents.value);
      }
      equal(await s.request(lsp.HoverRequest.type, { textDocument: { uri: d.uri }, position: { line: 0, character: 0 } }), null,
            'nothing to say on the title');
    });
  }
});

test('definition goes from a table row to its entry and back', async () => {
  const d = writeDoc(path.join(work, 'definition'), 'tracker.md', seedText);
  await withSession(UTF8, async (s) => {
    await s.open(d.uri, seedText);
    const row = lineOf('| Rust submodule divergence');
    const heading = lineOf('### Rust submodule divergence');
    const there = await s.request(lsp.DefinitionRequest.type, { textDocument: { uri: d.uri }, position: { line: row, character: 40 } });
    equal(there.uri, d.uri);
    equal(there.range.start, { line: heading, character: 0 });
    const back = await s.request(lsp.DefinitionRequest.type, { textDocument: { uri: d.uri }, position: { line: heading, character: 8 } });
    equal(back.range.start, { line: row, character: 0 });
    const noEntry = lineOf('| Cross-platform binary behavior');
    equal(await s.request(lsp.DefinitionRequest.type, { textDocument: { uri: d.uri }, position: { line: noEntry, character: 5 } }), null,
          'a row without an entry goes nowhere');
  });
});

test('document symbols list the risks in table order with their sections', async () => {
  const d = writeDoc(path.join(work, 'symbols'), 'tracker.md', seedText);
  const names = seedLines.slice(lineOf('| Risk') + 2).filter((l) => l.startsWith('|')).map((l) => l.split('|')[1].trim());
  check(names.length >= 8, `the seed has a real table: ${names}`);
  await withSession(FULL_CAPS, async (s) => {
    await s.open(d.uri, seedText);
    const syms = await s.request(lsp.DocumentSymbolRequest.type, { textDocument: { uri: d.uri } });
    equal(syms.map((x) => x.name), names);
    const rust = syms[0];
    equal(rust.selectionRange.start.line, lineOf('### Rust submodule divergence'));
    equal(rust.children.map((c) => c.name), ['Context', 'Mitigation Actions', 'Monitoring'], 'labels as written');
    check(/Impact: High/.test(rust.detail), rust.detail);
    const noEntry = syms.find((x) => x.name === 'Cross-platform binary behavior');
    equal(noEntry.range.start.line, lineOf('| Cross-platform binary behavior'), 'a risk without an entry is its row');
  });
  await withSession(UTF8, async (s) => {
    await s.open(d.uri, seedText);
    const flat = await s.request(lsp.DocumentSymbolRequest.type, { textDocument: { uri: d.uri } });
    equal(flat.filter((x) => x.kind === lsp.SymbolKind.Object).map((x) => x.name), names, 'SymbolInformation without hierarchy support');
    check(flat.every((x) => x.location && x.location.uri === d.uri), 'with locations');
  });
});

// ---- configuration -----------------------------------------------------------

test('each document uses its nearest .mdrisk.toml; editing one re-lints open documents', async () => {
  const root = path.join(work, 'config');
  const a = writeDoc(root, 'a.md', seedText);
  const b = writeDoc(path.join(root, 'sub'), 'b.md', seedText);
  const rootConfig = path.join(root, '.mdrisk.toml');
  fs.writeFileSync(rootConfig, '[rules]\nignore = ["MR4"]\n');
  fs.writeFileSync(path.join(root, 'sub', '.mdrisk.toml'), '[rules]\nselect = ["MR2"]\n');
  await withSession(FULL_CAPS, async (s) => {
    await s.until(() => s.registrations.length > 0, 'client/registerCapability');
    const reg = s.registrations[0].registrations[0];
    equal(reg.method, 'workspace/didChangeWatchedFiles');
    equal(reg.registerOptions.watchers.map((w) => w.globPattern), ['**/.mdrisk.toml']);

    for (const doc of [a, b]) {
      await s.open(doc.uri, seedText);
      const p = await s.diagnostics(doc.uri);
      equal(withoutData(p.diagnostics), expectedDiagnostics(cliFindings(doc.file), seedText, doc.uri, 'utf-8'), doc.file);
    }
    const codes = (uri) => new Set([...s.published].reverse().find((p) => p.uri === uri).diagnostics.map((x) => x.code[2]));
    equal([...codes(b.uri)], ['2'], 'the nested config selects MR2 only');
    check(!codes(a.uri).has('4'), 'the root config ignores MR4');

    // Edit the root config and say so: both notification routes re-lint at once,
    // before the server answers the next request.
    const notices = [
      ['didChangeWatchedFiles', () => s.notify(lsp.DidChangeWatchedFilesNotification.type,
                                                { changes: [{ uri: pathToFileURL(rootConfig).href, type: lsp.FileChangeType.Changed }] })],
      ['didSave', () => s.notify(lsp.DidSaveTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(rootConfig).href } })],
    ];
    for (const [i, [how, notice]] of notices.entries()) {
      fs.writeFileSync(rootConfig, i === 0 ? '[rules]\nselect = ["MR201"]\n' : '[rules]\nignore = ["MR2"]\n');
      const from = s.published.length;
      await notice();
      await s.request(lsp.DocumentSymbolRequest.type, { textDocument: { uri: a.uri } });
      const republished = s.published.slice(from).filter((p) => p.uri === a.uri);
      check(republished.length > 0, `${how}: ${a.file} re-linted before the next response`);
      equal(withoutData(republished[0].diagnostics), expectedDiagnostics(cliFindings(a.file), seedText, a.uri, 'utf-8'),
            `${how}: the findings under the new config`);
    }

    // A broken config: the document says so, with the CLI's message.
    fs.writeFileSync(rootConfig, '[rules]\nbogus = 1\n');
    const from = s.published.length;
    await s.notify(lsp.DidChangeWatchedFilesNotification.type,
                   { changes: [{ uri: pathToFileURL(rootConfig).href, type: lsp.FileChangeType.Changed }] });
    const p = await s.diagnostics(a.uri, { from });
    const cliErr = cli([a.file], root).stderr.trim();
    equal(p.diagnostics.length, 1);
    equal(p.diagnostics[0].message, `configuration error: ${cliErr.replace(/^mdrisk: /, '')}`);
    // The nested config is not broken: b keeps its findings.
    check((await s.diagnostics(b.uri, { from })).diagnostics.length > 1, 'b.md still linted with its own config');
  });
});

test('a .mdrisk.toml created next to an open document is noticed without any notification', async () => {
  const dir = path.join(work, 'config-poll');
  const d = writeDoc(dir, 'tracker.md', seedText);
  await withSession(UTF8, async (s) => {  // a client that cannot watch files
    await s.open(d.uri, seedText);
    const before = await s.diagnostics(d.uri);
    check(before.diagnostics.some((x) => !x.code.startsWith('MR3')), 'all rules run at first');
    const from = s.published.length;
    fs.writeFileSync(path.join(dir, '.mdrisk.toml'), '[rules]\nselect = ["MR3"]\n');
    const after = await s.diagnostics(d.uri, { from });  // the server checks every 2 s
    equal(withoutData(after.diagnostics), expectedDiagnostics(cliFindings(d.file), seedText, d.uri, 'utf-8'),
          'the new config applies');
    check(after.diagnostics.every((x) => x.code.startsWith('MR3')), 'only MR3 findings now');
  });
});

test('a file: URI with spaces and non-ASCII names finds the file\'s own config', async () => {
  const dir = path.join(work, 'dir with space', 'Ünïcode 🚀');
  const d = writeDoc(dir, 'my tracker.md', seedText);
  fs.writeFileSync(path.join(dir, '.mdrisk.toml'), '[rules]\nselect = ["MR3"]\n');
  check(/%20/.test(d.uri) && /%C3%9C/.test(d.uri), `the URI is percent-encoded: ${d.uri}`);
  await withSession(UTF8, async (s) => {
    await s.open(d.uri, seedText);
    const p = await s.diagnostics(d.uri);
    equal(p.uri, d.uri, 'published for the URI the client sent');
    check(p.diagnostics.length > 0 && p.diagnostics.every((x) => x.code.startsWith('MR3')), 'the folder\'s config applies');
    equal(withoutData(p.diagnostics), expectedDiagnostics(cliFindings(d.file), seedText, d.uri, 'utf-8'));
  });
});

// ---- errors ------------------------------------------------------------------

test('a failing request is an error response and the server keeps serving', async () => {
  const d = writeDoc(path.join(work, 'errors'), 'tracker.md', seedText);
  await withSession(UTF8, async (s) => {
    await s.open(d.uri, seedText);
    const noPosition = await s.attempt(lsp.HoverRequest.type, { textDocument: { uri: d.uri } });
    equal(noPosition.error && noPosition.error.code, lsp.ErrorCodes.InvalidParams, 'hover without a position');
    const badRange = await s.attempt(lsp.CodeActionRequest.type, { textDocument: { uri: d.uri }, range: { start: 'x' }, context: { diagnostics: [] } });
    equal(badRange.error && badRange.error.code, lsp.ErrorCodes.InvalidParams, 'a range that is not a range');
    const notOpen = await s.attempt(lsp.DocumentSymbolRequest.type, { textDocument: { uri: 'file:///nowhere.md' } });
    equal(notOpen.error && notOpen.error.code, lsp.ErrorCodes.InvalidParams, 'a document that is not open');
    const unknown = await s.attempt(new lsp.RequestType('mdrisk/noSuchThing'), {});
    equal(unknown.error && unknown.error.code, lsp.ErrorCodes.MethodNotFound);
    // A broken notification is logged, not fatal.
    await s.change(d.uri, 2, [{ range: { start: { line: 0 } }, text: 'x' }]);
    const syms = await s.request(lsp.DocumentSymbolRequest.type, { textDocument: { uri: d.uri } });
    check(syms.length > 0, 'still answering');
    check(s.messages.some((m) => /didChange failed/.test(m.message)), 'the broken didChange was reported in the log');
  });
});

test('malformed messages get a -32700 error response; the server stays alive', async () => {
  // Raw bytes on the pipe, read back with the library's own message reader.
  const { spawn } = require('child_process');
  const proc = spawn(bin, ['server'], { cwd: work, stdio: ['pipe', 'pipe', 'ignore'] });
  const reader = new lsp.StreamMessageReader(proc.stdout);
  const got = [];
  let wake = () => {};
  reader.listen((m) => { got.push(m); wake(); });
  const next = (n) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out: got ${JSON.stringify(got)}`)), 15000);
    const test = () => { if (got.length >= n) { clearTimeout(timer); resolve(got[n - 1]); } };
    wake = test;
    test();
  });
  const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const write = (s) => new Promise((resolve) => proc.stdin.write(s, resolve));
  try {
    await write(frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } })));
    equal((await next(1)).id, 1);
    let n = 1;
    for (const bad of ['{"jsonrpc": "2.0", "id": 2, "method": ', 'not json at all', '{"a": "\\ud800"}', '\u00ff\u00fe']) {
      await write(frame(bad));
      const e = await next(++n);
      equal(e.id, null, `error response for ${JSON.stringify(bad)} has id null`);
      equal(e.error.code, -32700, 'Parse error');
    }
    await write('Content-Type: nothing\r\n\r\n');  // a header block with no Content-Length
    const h = await next(++n);
    equal([h.id, h.error.code], [null, -32700]);
    // JSON, but not JSON-RPC: Invalid Request.
    for (const bad of ['{"jsonrpc": 2, "id": 3, "method": "shutdown"}', '[1, 2]', '{"jsonrpc": "2.0", "id": {"a": 1}, "method": "shutdown"}']) {
      await write(frame(bad));
      const e = await next(++n);
      equal(e.error.code, lsp.ErrorCodes.InvalidRequest, `Invalid Request for ${bad}`);
    }
    // Still alive: a real request gets its answer.
    await write(frame(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'shutdown' })));
    const r = await next(++n);
    equal([r.id, r.result], [7, null]);
    await write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' })));
    const code = await new Promise((resolve) => proc.on('exit', resolve));
    equal(code, 0);
  } finally {
    reader.dispose();
    proc.kill('SIGKILL');
  }
});

// ---- run -----------------------------------------------------------------------

(async () => {
  let failed = 0;
  for (const t of tests) {
    try {
      await t.fn();
      console.log(`ok   ${t.name}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${t.name}\n${e.stack}`);
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`${tests.length - failed}/${tests.length} tests passed, ${checks} checks`);
  process.exit(failed ? 1 : 0);
})();
