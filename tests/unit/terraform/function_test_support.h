#pragma once
// Helpers for the function tests: values written as JSON ("$unknown" and "$error" stand for
// an unknown value and a failed evaluation), results compared as Terraform would encode them.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "syntax/json/json_loader.h"
#include "terraform/functions.h"
#include "terraform/functions/json_text.h"

namespace eph::test {

inline Value with_placeholders(Value v) {
  if (v.is_string() && v.text == "$unknown") return Value::unknown(v.where, "test");
  if (v.is_string() && v.text == "$error") return terraform::evaluation_error(v.where, "test");
  for (auto& item : v.items) item = with_placeholders(std::move(item));
  for (auto& f : v.fields) f.value = with_placeholders(std::move(f.value));
  return v;
}

inline Value json_value(std::string_view text) {
  auto r = json::parse_text(text, Range{});
  REQUIRE_MESSAGE(r.ok(), "bad test JSON: " << text);
  return with_placeholders(std::move(r.value));
}

// Renders a result for comparison: JSON, or <unknown> / <error>.
inline std::string render(const Value& v) {
  if (terraform::is_evaluation_error(v)) return "<error>";
  if (v.is_unknown()) return "<unknown>";
  if (v.contains_unknown()) return "<partly unknown>";
  return terraform::fn::json_encode(v);
}

// An in-memory file tree.
class MemoryFiles : public FileProvider {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& path) const override {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  std::vector<std::string> list(const std::string& dir, bool files_only) const override {
    std::vector<std::string> out;
    for (const auto& [p, _] : files) {
      if (p.rfind(dir + "/", 0) != 0) continue;
      size_t slash = p.find('/', dir.size() + 1);
      if (slash != std::string::npos && files_only) continue;
      std::string name = p.substr(dir.size() + 1, slash == std::string::npos ? std::string::npos : slash - dir.size() - 1);
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
  }
  bool is_directory(const std::string& path) const override {
    for (const auto& [p, _] : files)
      if (p.rfind(path + "/", 0) == 0) return true;
    return false;
  }
};

// A call site in a small HCL file, the adopted files, and the diagnostics of the calls.
struct Harness {
  SourceFile hcl{"main.tf", "output \"x\" { value = f(a, b) }\n"};
  MemoryFiles fs;
  std::vector<SourceFilePtr> adopted;
  std::vector<Diagnostic> diagnostics;
  terraform::FunctionContext ctx;

  Harness() {
    ctx.fs = &fs;
    ctx.module_dir = "/repo/app";
    ctx.scan_root = "/repo";
    ctx.call = Range{&hcl, 23, 30};
    ctx.diagnostics = &diagnostics;
    ctx.adopt_file = [this](const std::string& path, std::string text) {
      adopted.push_back(std::make_shared<SourceFile>(path, std::move(text)));
      return adopted.back();
    };
  }

  Value call(std::string_view name, std::vector<Value> args) {
    auto r = terraform::call_function(name, std::move(args), ctx);
    REQUIRE_MESSAGE(r.has_value(), "unknown function " << name);
    return *r;
  }
  // Arguments as a JSON array.
  Value call_json(std::string_view name, std::string_view args_json) {
    Value args = json_value(args_json);
    REQUIRE(args.is_list());
    return call(name, std::move(args.items));
  }
};

}  // namespace eph::test
