#pragma once
// Reads a template file into a long-form Value: JSON through the positioned JSON loader,
// anything else through the YAML loader (short-form tags become long forms).
#include <vector>

#include "core/finding.h"
#include "core/value.h"

namespace eph::cloudformation {

struct TemplateDocument {
  Value root;  // Null when empty or unreadable
  std::vector<Diagnostic> diagnostics;
};

TemplateDocument parse_template_document(const SourceFile& file);

}  // namespace eph::cloudformation
