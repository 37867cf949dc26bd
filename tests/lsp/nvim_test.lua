-- ctest lsp_neovim: Neovim's own LSP client runs `mdrisk server` on a
-- tracker and what the user would see is compared with the CLI:
--   * vim.diagnostic.get() == `mdrisk --format json` (codes, messages,
--     severities, line and byte columns, which Neovim converts from the
--     negotiated position encoding);
--   * applying a quick fix's workspace edit == applying that finding's Fix
--     edits to the file's bytes; the server then re-lints what Neovim sent
--     as an incremental change;
--   * go to definition from a table row lands on its entry's heading;
--   * the formatting request's edits == `mdrisk --fix` output.
-- Environment: MDRISK_BIN, TRACKER (a copy the test may change), ENCODING
-- (utf-8: offer it, as a 3.17 client does; utf-16: Neovim 0.7's default).
local bin, tracker, encoding = os.getenv('MDRISK_BIN'), os.getenv('TRACKER'), os.getenv('ENCODING')
local failures, checks = 0, 0

local function say(s) io.stdout:write(s .. '\n') end
local function check(cond, what)
  checks = checks + 1
  if cond then return true end
  failures = failures + 1
  say('FAIL: ' .. what)
  return false
end
local function equal(a, b, what)
  return check(vim.deep_equal(a, b), what .. '\n  got:      ' .. vim.inspect(a) .. '\n  expected: ' .. vim.inspect(b))
end

local function read(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('a')
  f:close()
  return s
end
local function write(path, s)
  local f = assert(io.open(path, 'wb'))
  f:write(s)
  f:close()
end

-- The CLI on `text`, written next to the tracker so the same config applies.
local function cli(args, text)
  local copy = vim.fn.fnamemodify(tracker, ':h') .. '/.cli-copy.md'
  write(copy, text)
  local cmd = { bin }
  vim.list_extend(cmd, args)
  table.insert(cmd, copy)
  local out = vim.fn.system(cmd)
  local status = vim.v.shell_error
  assert(status == 0 or status == 1, 'mdrisk exited ' .. status .. ': ' .. out)
  local fixed = read(copy)
  os.remove(copy)
  return out, fixed
end

-- Byte offset of the start of each 0-based line.
local function line_starts(text)
  local starts, i = { 0 }, 1
  while true do
    local nl = text:find('\n', i, true)
    if not nl then break end
    table.insert(starts, nl)
    i = nl + 1
  end
  return starts
end
local function to_line_col(starts, offset)
  local line = 0
  while line + 1 < #starts and starts[line + 2] <= offset do line = line + 1 end
  return line, offset - starts[line + 1]
end

-- What vim.diagnostic.get() must hold for the CLI's findings on `text`.
local function expected_diagnostics(text)
  local findings = vim.fn.json_decode((cli({ '--format', 'json' }, text)))
  local starts, out = line_starts(text), {}
  for _, f in ipairs(findings) do
    local lnum, col = to_line_col(starts, f.range.start.offset)
    local end_lnum, end_col = to_line_col(starts, f.range['end'].offset)
    table.insert(out, {
      lnum = lnum, col = col, end_lnum = end_lnum, end_col = end_col, code = f.code, message = f.message,
      severity = f.severity == 'error' and vim.diagnostic.severity.ERROR or vim.diagnostic.severity.WARN,
      source = 'mdrisk',
    })
  end
  return out, findings
end

local function actual_diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, code = d.code,
      message = d.message, severity = d.severity, source = d.source,
    })
  end
  table.sort(out, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return a.code < b.code
  end)
  return out
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

-- Waits until the buffer's diagnostics equal `want` (they arrive asynchronously).
local function wait_for_diagnostics(bufnr, want, what)
  vim.wait(10000, function() return vim.deep_equal(actual_diagnostics(bufnr), want) end, 10)
  equal(actual_diagnostics(bufnr), want, what)
end

local function main()
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if encoding == 'utf-8' then
    capabilities.general = capabilities.general or {}
    capabilities.general.positionEncodings = { 'utf-8', 'utf-16' }
  end
  local negotiated
  local client_id = vim.lsp.start_client({
    name = 'mdrisk',
    cmd = { bin, 'server' },
    root_dir = vim.fn.fnamemodify(tracker, ':h'),
    capabilities = capabilities,
    flags = { debounce_text_changes = 0 },
    on_init = function(client, result)
      -- Neovim 0.7 predates positionEncoding; take what the server chose.
      negotiated = result.capabilities.positionEncoding
      client.offset_encoding = negotiated
    end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.cmd('edit ' .. vim.fn.fnameescape(tracker))
  local bufnr = vim.api.nvim_get_current_buf()
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  vim.wait(10000, function() return negotiated ~= nil end, 10)
  equal(negotiated, encoding, 'negotiated position encoding')
  local client = vim.lsp.get_client_by_id(client_id)

  -- 1. Diagnostics as the CLI reports them.
  local original = buffer_text(bufnr)
  equal(original, read(tracker), 'the buffer holds the file')
  local want, findings = expected_diagnostics(original)
  check(#want >= 5, 'the tracker has findings: ' .. #want)
  wait_for_diagnostics(bufnr, want, 'vim.diagnostic.get() after open')

  -- 2. A quick fix: the first safe fix on a line with wide characters before it.
  local starts = line_starts(original)
  local target
  for _, f in ipairs(findings) do
    local lnum, col = to_line_col(starts, f.range.start.offset)
    local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1]
    if f.fix and f.fix.applicability == 'safe' and f.code == 'MR106' and line:sub(1, col):find('[\128-\255]') then
      target = { f = f, lnum = lnum, col = col }
      break
    end
  end
  assert(target, 'no MR106 finding after non-ASCII text in the tracker')
  local _, char = vim.str_utfindex(vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1], target.col)
  if encoding == 'utf-8' then char = target.col end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = target.lnum, character = char }, ['end'] = { line = target.lnum, character = char } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local action
  for _, a in ipairs((responses and responses[client_id] and responses[client_id].result) or {}) do
    if a.title == target.f.fix.title then action = a end
  end
  assert(action, 'no code action titled ' .. target.f.fix.title)
  equal(action.kind, 'quickfix', 'code action kind')
  equal(action.isPreferred, true, 'a safe fix is preferred')
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  -- The same edits, spliced into the bytes by hand (back to front).
  local expected, edits = original, vim.deepcopy(target.f.fix.edits)
  table.sort(edits, function(a, b) return a.range.start.offset > b.range.start.offset end)
  for _, e in ipairs(edits) do
    expected = expected:sub(1, e.range.start.offset) .. e.content .. expected:sub(e.range['end'].offset + 1)
  end
  local after_action = buffer_text(bufnr)
  equal(after_action, expected, 'the buffer after the quick fix')
  -- Neovim sent the change incrementally; the server's findings follow it.
  wait_for_diagnostics(bufnr, (expected_diagnostics(after_action)), 'vim.diagnostic.get() after the quick fix')

  -- 3. Go to definition from the fixed row to its entry.
  local row_line = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
  local name = vim.trim(vim.split(row_line, '|', { plain = true })[2])
  local def = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = target.lnum, character = 2 },
  }, 10000)
  local loc = def and def[client_id] and def[client_id].result
  check(loc and loc.range, 'definition answered')
  if loc and loc.range then
    local heading = vim.api.nvim_buf_get_lines(bufnr, loc.range.start.line, loc.range.start.line + 1, false)[1]
    equal(heading, '### ' .. name, 'definition lands on the entry heading')
  end

  -- 4. Formatting: the buffer becomes what `mdrisk --fix` writes.
  local result = vim.lsp.buf_request_sync(bufnr, 'textDocument/formatting', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) }, options = { tabSize = 2, insertSpaces = true },
  }, 10000)
  local format_edits = result and result[client_id] and result[client_id].result
  assert(format_edits, 'formatting returned no edits: ' .. vim.inspect(result))
  check(#format_edits > 0, 'formatting has edits')
  vim.lsp.util.apply_text_edits(format_edits, bufnr, client.offset_encoding)
  local _, fixed = cli({ '--fix' }, after_action)
  check(fixed ~= after_action, '--fix changes the text')
  equal(buffer_text(bufnr), fixed, 'the buffer after formatting equals mdrisk --fix')
  wait_for_diagnostics(bufnr, (expected_diagnostics(fixed)), 'vim.diagnostic.get() after formatting')

  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 10)
  check(client.is_stopped(), 'the server stopped on shutdown')
end

local ok, err = pcall(main)
if not ok then
  failures = failures + 1
  say('FAIL: ' .. tostring(err))
end
say(string.format('neovim %s, %s: %d checks, %d failed', tostring(vim.version().major) .. '.' .. vim.version().minor ..
  '.' .. vim.version().patch, encoding, checks, failures))
vim.cmd(failures == 0 and 'qall!' or 'cquit 1')
