#pragma once
// JSON has no comments: in a CloudFormation JSON template a finding is suppressed in its
// resource's Metadata (`"Metadata": {"ephemera": {"ignore": [{"id": ..., "reason": ...}]}}`).
// This finds where that entry goes and writes the smallest insertion that adds it.
#include <map>
#include <optional>
#include <string>

#include "core/finding.h"
#include "syntax/json/json_loader.h"

namespace eph::lsp {

class JsonMetadataSuppressions {
 public:
  // The insertion that suppresses `rule_id` for the resource `logical_id` of `template_file`,
  // or nullopt when the file is not a JSON template holding that resource.
  std::optional<TextEdit> edit_for(const SourceFile& template_file, const std::string& logical_id,
                                   const std::string& rule_id, const std::string& reason);

 private:
  std::map<const SourceFile*, json::ParseResult> parsed_;  // each template parsed once per analysis
};

}  // namespace eph::lsp
