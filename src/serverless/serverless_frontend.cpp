#include "serverless/serverless_frontend.h"

#include <filesystem>
#include <memory>

#include "cloudformation/template_document.h"
#include "cloudformation/template_resources.h"
#include "serverless/generated_template.h"
#include "serverless/variables.h"

namespace eph::serverless {
namespace {

// `key` at the start of a line (YAML, no indentation) or as a JSON key anywhere.
bool top_level_key(std::string_view text, std::string_view key) {
  for (size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    size_t end = at + key.size();
    if (at > 0 && text[at - 1] == '"' && end < text.size() && text[end] == '"') {
      size_t i = end + 1;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
      if (i < text.size() && text[i] == ':') return true;
      continue;
    }
    if (at > 0 && text[at - 1] != '\n') continue;
    size_t i = end;
    if (i < text.size() && (text[i] == '"' || text[i] == '\'')) ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < text.size() && text[i] == ':') return true;
  }
  return false;
}

}  // namespace

bool service_file_name(std::string_view path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name == "serverless.yml" || name == "serverless.yaml" || name == "serverless.json";
}

bool looks_like_service(std::string_view text) { return top_level_key(text, "service") && top_level_key(text, "provider"); }

LoadedUnit load_service(const std::string& path, const FileProvider& fs, const ServerlessInputs& inputs) {
  LoadedUnit unit;
  unit.name = path;
  unit.format = "serverless";
  auto text = fs.read(path);
  if (!text) {
    auto file = std::make_shared<const SourceFile>(path, std::string());
    unit.diagnostics.push_back({Diagnostic::Kind::ParseError, Range{file.get(), 0, 0}, "cannot read the file"});
    unit.files.push_back(std::move(file));
    return unit;
  }
  auto file = std::make_shared<const SourceFile>(path, std::move(*text));
  unit.files.push_back(file);
  cloudformation::TemplateDocument doc = cloudformation::parse_template_document(*file);
  unit.diagnostics = std::move(doc.diagnostics);
  if (!doc.root.is_map()) {
    if (!doc.root.is_null())
      unit.diagnostics.push_back({Diagnostic::Kind::ParseError, Range{file.get(), doc.root.where.begin, doc.root.where.begin},
                                  "not a Serverless Framework service: the top level is not a mapping"});
    return unit;
  }
  ResolvedConfig config = resolve_variables(doc.root, path, fs, inputs);
  for (auto& d : config.diagnostics) unit.diagnostics.push_back(std::move(d));
  for (auto& f : config.included) unit.files.push_back(std::move(f));
  Value generated = generated_template(config.root, config.stage, unit.shown_names);
  if (generated.is_map()) cloudformation::load_resources(generated, unit.resources);
  return unit;
}

}  // namespace eph::serverless
