-- Run by neovim_e2e.sh inside `nvim --headless --clean`: loads editors/neovim, opens the
-- fixture, waits for the diagnostics ephemera publishes, and writes what the editor got
-- (diagnostics, the root of its client, then the titles of the code actions on the first one) to EPH_OUT.
local source, binary, fixture, out = os.getenv('EPH_SOURCE'), os.getenv('EPH_BINARY'), os.getenv('EPH_FIXTURE'),
  os.getenv('EPH_OUT')
vim.opt.runtimepath:prepend(source .. '/editors/neovim')
require('ephemera').setup({ cmd = { binary, 'lsp' } })
vim.cmd('edit ' .. vim.fn.fnameescape(fixture))

local lines = {}
local got = vim.wait(20000, function()
  return #vim.diagnostic.get(0) > 0
end, 20)
if not got then
  vim.fn.writefile({ 'TIMEOUT: no diagnostics', 'clients: ' .. #vim.lsp.buf_get_clients(0) }, out)
  vim.cmd('qa!')
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format('diagnostic %d:%d %s %s severity=%d %s', d.lnum + 1, d.col + 1, tostring(d.code),
    tostring(d.source), d.severity, d.message))
end
for _, client in pairs(vim.lsp.buf_get_clients(0)) do
  table.insert(lines, 'root ' .. vim.loop.fs_realpath(client.config.root_dir))
end
local first = vim.diagnostic.get(0)[1]
local params = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.lnum, character = first.col } },
  context = { diagnostics = {} },
}
local results = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
for _, res in pairs(results) do
  for _, action in ipairs(res.result or {}) do
    table.insert(lines, 'action ' .. action.title)
  end
end
local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  position = { line = first.lnum, character = first.col },
}, 10000) or {}
for _, res in pairs(hover) do
  if res.result then
    table.insert(lines, 'hover ' .. vim.split(res.result.contents.value, '\n')[1])
  end
end
vim.fn.writefile(lines, out)
vim.cmd('qa!')
