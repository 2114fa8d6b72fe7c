-- ephemera as an nvim-lspconfig server: require('ephemera.lspconfig').register() once, then
-- require('lspconfig').ephemera.setup({}) like any other server.
local M = {}

function M.register()
  local configs = require('lspconfig.configs')
  local util = require('lspconfig.util')
  if configs.ephemera then
    return
  end
  configs.ephemera = {
    default_config = {
      cmd = { 'ephemera', 'lsp' },
      filetypes = { 'terraform', 'terraform-vars', 'tf', 'hcl', 'yaml', 'json', 'cloudformation' },
      root_dir = util.root_pattern('.ephemera.yaml', '.git', '.terraform'),
      single_file_support = true,
      settings = { ephemera = {} },
    },
    docs = {
      description = 'ephemera: serverless infrastructure-as-code analyzer (Terraform, CloudFormation, SAM).',
    },
  }
end

return M
