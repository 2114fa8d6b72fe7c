#include "cloudformation/template_document.h"

#include "syntax/json/json_loader.h"
#include "syntax/yaml/yaml_loader.h"

namespace eph::cloudformation {
namespace {

// JSON when the first meaningful character opens an object (after an optional BOM).
bool looks_like_json(const std::string& text) {
  size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  return i < text.size() && text[i] == '{';
}

}  // namespace

TemplateDocument parse_template_document(const SourceFile& file) {
  TemplateDocument doc;
  if (looks_like_json(file.text())) {
    auto r = json::parse(file);
    doc.root = std::move(r.value);
    doc.diagnostics = std::move(r.diagnostics);
  } else {
    auto r = yaml::parse(file);
    doc.root = std::move(r.value);
    doc.diagnostics = std::move(r.diagnostics);
  }
  return doc;
}

}  // namespace eph::cloudformation
