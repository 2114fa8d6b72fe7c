#pragma once
// Terraform's built-in functions over positioned values. Unknown in, unknown out;
// marks (sensitive, secret) and refs (graph edges) of the arguments carry into the result.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_provider.h"
#include "core/finding.h"
#include "core/value.h"

namespace eph::terraform {

struct FunctionContext {
  const FileProvider* fs = nullptr;
  std::string module_dir;    // file(), templatefile() and fileexists() resolve relative to this
  std::string scan_root;     // files outside it are never read (result: unknown)
  Range call;                // the whole call expression, the position of computed results
  std::vector<Diagnostic>* diagnostics = nullptr;  // limits hit, unreadable files
  // Renders a template file's text with `vars` (a Map) in scope; provided by the evaluator.
  std::function<Value(const SourceFilePtr& file, const Value& vars)> render_template;
  // Keeps files read by file()/templatefile() alive for the unit (positions point into them).
  std::function<SourceFilePtr(const std::string& path, std::string text)> adopt_file;
};

// Calls the built-in `name` (also "provider::..."-less core names only). Returns nullopt when
// the function is not one ephemera knows: the caller then yields unknown.
std::optional<Value> call_function(std::string_view name, std::vector<Value> args, const FunctionContext& ctx);

}  // namespace eph::terraform
