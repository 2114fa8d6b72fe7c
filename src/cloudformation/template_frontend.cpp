#include "cloudformation/template_frontend.h"

#include <memory>

#include "cloudformation/template_document.h"
#include "cloudformation/template_resources.h"

namespace eph::cloudformation {
namespace {

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `key` used as a mapping key: optionally quoted, then optional blanks and ':'.
bool key_at(std::string_view text, size_t at, std::string_view key) {
  if (at > 0 && (is_word(text[at - 1]))) return false;
  size_t i = at + key.size();
  if (i < text.size() && (text[i] == '"' || text[i] == '\'')) ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i < text.size() && text[i] == ':';
}

bool has_key(std::string_view text, std::string_view key) {
  for (size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1))
    if (key_at(text, at, key)) return true;
  return false;
}

// `Type: AWS::Service::Resource`, a registry type (Org::Service::Resource, ...::MODULE) or
// Custom::Name, quoted or not.
bool has_resource_type(std::string_view text) {
  for (size_t at = text.find("Type"); at != std::string_view::npos; at = text.find("Type", at + 1)) {
    if (!key_at(text, at, "Type")) continue;
    size_t i = text.find(':', at) + 1;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '"' || text[i] == '\'')) ++i;
    std::string_view rest = text.substr(i, 120);
    if (rest.rfind("Custom::", 0) == 0) return true;
    size_t j = 0, segments = 0;
    for (;;) {
      size_t start = j;
      while (j < rest.size() && is_word(rest[j])) ++j;
      if (j == start) break;
      ++segments;
      if (rest.substr(j, 2) != "::") break;
      j += 2;
    }
    if (segments >= 3) return true;
  }
  return false;
}

}  // namespace

bool looks_like_template(std::string_view text) {
  if (has_key(text, "AWSTemplateFormatVersion")) return true;
  if (!has_key(text, "Resources")) return false;
  if (has_resource_type(text)) return true;
  // A template whose Resources are empty still has CloudFormation's other sections.
  for (std::string_view section : {"Parameters", "Outputs", "Mappings", "Conditions", "Transform", "Globals"})
    if (has_key(text, section)) return true;
  return false;
}

LoadedUnit load_template(const std::string& path, const FileProvider& fs) {
  LoadedUnit unit;
  unit.name = path;
  unit.format = "cloudformation";
  auto text = fs.read(path);
  if (!text) {
    auto file = std::make_shared<const SourceFile>(path, std::string());
    unit.diagnostics.push_back({Diagnostic::Kind::ParseError, Range{file.get(), 0, 0}, "cannot read the file"});
    unit.files.push_back(std::move(file));
    return unit;
  }
  auto file = std::make_shared<const SourceFile>(path, std::move(*text));
  unit.files.push_back(file);
  TemplateDocument doc = parse_template_document(*file);
  unit.diagnostics = std::move(doc.diagnostics);
  if (doc.root.is_map()) {
    load_resources(doc.root, unit.resources);
  } else if (!doc.root.is_null()) {
    unit.diagnostics.push_back({Diagnostic::Kind::ParseError, Range{file.get(), doc.root.where.begin, doc.root.where.begin},
                                "not a CloudFormation template: the top level is not a mapping"});
  }
  return unit;
}

}  // namespace eph::cloudformation
