#pragma once
// Findings as the editor sees them: an LSP Diagnostic plus the code actions that go with
// it (the rule's fix, the suppression comment), computed once when the analysis ends.
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "core/finding.h"
#include "lsp/positions.h"

namespace eph::lsp {

struct PublishedFinding {
  std::string rule_id;
  nlohmann::json diagnostic;   // LSP Diagnostic
  nlohmann::json fix;          // CodeAction applying Finding::fix, or null
  nlohmann::json suppression;  // CodeAction inserting the ignore comment (JSON templates: Metadata), or null
};

using UriOf = std::function<std::string(const std::string& path)>;
class JsonMetadataSuppressions;

// LSP DiagnosticSeverity: critical and high are errors, medium warnings, low information, info hints.
int lsp_severity(Severity s);

// `json_templates` places suppressions of JSON templates in Metadata (null: no suppression
// for JSON files).
PublishedFinding publish_finding(const Finding& finding, PositionEncoding encoding, const UriOf& uri_of,
                                 JsonMetadataSuppressions* json_templates = nullptr);

// The comment that suppresses `rule_id` on the next line, in the syntax of `path`'s
// format, or empty when the format has no comments.
std::string suppression_comment(const std::string& path, const std::string& rule_id);

}  // namespace eph::lsp
