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
//
// Results: a part of an argument returned as is (lookup, element, coalesce) keeps its `where`;
// a computed value is positioned at `ctx.call`. Either way it carries the arguments' marks and
// refs. jsonencode/yamlencode set `decoded` to the encoded value (positions into the HCL); when
// that value has unknown parts the string itself is Unknown but `decoded` is still set, so a
// policy written with jsonencode around a computed ARN keeps its known statements.
// Bad arguments (where Terraform would stop with an error) give evaluation_error(ctx.call).
std::optional<Value> call_function(std::string_view name, std::vector<Value> args, const FunctionContext& ctx);

// The names call_function knows, sorted (for completion and documentation).
std::vector<std::string_view> builtin_function_names();

// An expression whose evaluation failed where Terraform would report an error (a missing
// attribute of a known object, an index out of range, a function rejecting its arguments).
// It is an Unknown value (rules stay silent on it) that try() skips and can() turns into false;
// the evaluator passes it as an argument like any value, and other functions pass it on.
Value evaluation_error(Range where, std::string why);
bool is_evaluation_error(const Value& v);
// True when `v` or anything inside it is an evaluation error.
bool contains_evaluation_error(const Value& v);

}  // namespace eph::terraform
