#pragma once
// What rules report. Ranges point into the unit's source files, which the
// analysis result keeps alive; reporters resolve them to Locations at the edge.
#include <optional>
#include <string>
#include <vector>

#include "core/severity.h"
#include "core/source.h"

namespace eph {

// One link of an evidence chain (function -> subnet -> route table -> NAT ...).
struct RelatedLocation {
  Range range;
  std::string message;
};

struct TextEdit {
  Range range;            // replaced; an empty range inserts at `range.begin`
  std::string new_text;
};

// A mechanical fix: edits to apply, or a snippet to add where no edit can be placed.
struct Fix {
  std::string description;
  std::vector<TextEdit> edits;
};

// A secret value as written in the source: reports mask it (report/secret_mask.h). `where`
// covers the value itself (inside quotes, the lines of a heredoc) or the expression that
// computed it; reports also mask `value` wherever it appears verbatim.
struct SecretValue {
  Range where;
  std::string value;
};

struct Finding {
  std::string rule_id;      // "EPH301"
  Severity severity = Severity::Medium;
  Range range;              // the exact range to fix
  std::string message;      // one line: what is wrong and what to do
  std::string resource;     // Terraform address or CloudFormation logical id; may be empty
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
  std::vector<SecretValue> secrets;  // the secret values the finding is about (EPH301, EPH302)

  // Filled by the engine after the rules ran.
  std::string fingerprint;
  bool suppressed = false;
  std::string suppression;  // how it was suppressed (the comment, the config, the baseline)
  std::string justification;        // the reason given with the suppression
  bool suppressed_in_source = true;  // a comment or resource metadata; false: a baseline or other external file
};

// A problem found while loading, before the model exists (parse error, a safety limit, a
// module call that cannot be resolved).
struct Diagnostic {
  // UnresolvedModule: a local module call whose directory is missing, or a module cycle
  // (EPH004): the configuration is wrong, the files parse.
  enum class Kind { ParseError, LimitReached, UnresolvedModule };
  Kind kind = Kind::ParseError;
  Range range;              // where; for an unreadable file, an empty range at its start
  std::string message;
};

}  // namespace eph
