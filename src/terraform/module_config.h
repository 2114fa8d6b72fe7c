#pragma once
// A module directory read into its declarations: variables, locals, resources, data
// sources, module calls and outputs, in file order. Read once per directory and shared
// by every instance of the module.
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/file_provider.h"
#include "core/finding.h"
#include "syntax/hcl/hcl_tree.h"
#include "terraform/config_ast.h"

namespace eph::terraform {

struct VariableDecl {
  std::string name;
  const Block* block = nullptr;
  const Expr* default_value = nullptr;
  const Expr* type = nullptr;
  bool sensitive = false;
};

struct LocalDecl {
  std::string name;
  const Attribute* attribute = nullptr;
};

struct ResourceDecl {
  bool is_data = false;
  std::string type, name;
  std::string key;  // "aws_s3_bucket.b" or "data.aws_iam_policy_document.p"
  const Block* block = nullptr;
  const Expr* count = nullptr;
  const Expr* for_each = nullptr;
};

struct ModuleCallDecl {
  std::string name;
  const Block* block = nullptr;
  std::string source;
  Range source_range;
  const Expr* count = nullptr;
  const Expr* for_each = nullptr;
};

struct OutputDecl {
  std::string name;
  const Block* block = nullptr;
  const Expr* value = nullptr;
  bool sensitive = false;
};

struct ModuleConfig {
  std::string dir;
  std::vector<SourceFilePtr> sources;  // every file read, sorted by path
  std::vector<ConfigFile> files;       // override files last
  std::vector<VariableDecl> variables;
  std::vector<LocalDecl> locals;
  std::vector<ResourceDecl> resources;
  std::vector<ModuleCallDecl> module_calls;
  std::vector<OutputDecl> outputs;
  std::unordered_map<std::string, size_t> variable_index, local_index, resource_index, module_index, output_index;
  std::vector<Diagnostic> diagnostics;  // syntax errors and limits of its files
  // Declarations that hold several expressions kept alive here (JSON-syntax `type` strings parsed as types).
  std::vector<ExprPtr> owned;
};

// True for the file names Terraform reads as configuration.
bool is_config_file_name(const std::string& name);

// Parses the files of one module directory (sorted by name). Syntax errors and limits
// found while reading them are kept in `diagnostics` of the result.
// `parsed` may hold some files' HCL trees already (the LSP's incrementally re-parsed buffers).
std::unique_ptr<ModuleConfig> build_module_config(const std::string& dir, std::vector<SourceFilePtr> files,
                                                  const hcl::ParsedHclTrees* parsed = nullptr);

// Builds a ConfigFile from an already-read source (the LSP passes open buffers). `parsed`
// may hold the file's HCL tree already (the LSP's incrementally re-parsed buffers).
ConfigFile parse_config_file(const SourceFilePtr& file, std::vector<Diagnostic>& diagnostics,
                             const hcl::ParsedHclTrees* parsed = nullptr);

std::string join_path(const std::string& dir, const std::string& name);

}  // namespace eph::terraform
