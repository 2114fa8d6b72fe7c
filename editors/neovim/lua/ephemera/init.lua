-- ephemera for Neovim without any plugin: starts `ephemera lsp` for Terraform, CloudFormation
-- and SAM buffers (one client per project root) and attaches it. Works on Neovim 0.7 and later.
local M = {}

M.defaults = {
  cmd = { 'ephemera', 'lsp' },
  -- Files the server is started for; YAML and JSON that are not templates get no diagnostics.
  patterns = { '*.tf', '*.tf.json', '*.tfvars', '*.yaml', '*.yml', '*.json', '*.template' },
  -- The project root is the nearest directory holding any of these; else the file's directory.
  root_markers = { '.ephemera.yaml', '.git', '.terraform' },
  -- Sent as initializationOptions and workspace/didChangeConfiguration:
  -- { minSeverity = 'medium', disabledRules = { 'EPH401' }, debounceMs = 75 }
  settings = {},
}

local clients = {} -- root directory -> client id

-- The nearest directory holding any marker wins (a module's own .git beats a .ephemera.yaml
-- further up); markers are files or directories. Neovim 0.7 has no vim.fs, hence the walk.
local function find_root(path, markers)
  local start = vim.fn.fnamemodify(path, ':p:h')
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local function client_for(root, opts)
  local id = clients[root]
  if id and vim.lsp.get_client_by_id(id) and not vim.lsp.client_is_stopped(id) then
    return id
  end
  id = vim.lsp.start_client({
    name = 'ephemera',
    cmd = opts.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = opts.settings,
    settings = { ephemera = opts.settings },
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = { ephemera = opts.settings } })
    end,
  })
  clients[root] = id
  return id
end

function M.attach(bufnr, opts)
  opts = opts or M.options or M.defaults
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or vim.bo[bufnr].buftype ~= '' then
    return
  end
  local id = client_for(find_root(name, opts.root_markers), opts)
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

function M.setup(user)
  M.options = vim.tbl_deep_extend('force', M.defaults, user or {})
  local group = vim.api.nvim_create_augroup('ephemera_lsp', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
    group = group,
    pattern = M.options.patterns,
    callback = function(args)
      M.attach(args.buf, M.options)
    end,
  })
end

return M
