#pragma once
// One suppression as written, and what became of it: EPH002 and EPH003 read them after the
// engine applied them (engine/suppressions.h collects and applies).
#include <set>
#include <string>
#include <vector>

#include "core/source.h"

namespace eph {

struct Suppression {
  std::string tool = "ephemera";       // "ephemera", "checkov", "tfsec", "trivy", "cfn_nag", "cfn-lint"
  std::string written_id;              // the id as written (EPH301, CKV_AWS_45, W92, ...)
  std::vector<std::string> rule_ids;   // the ephemera rules it silences
  std::string reason;
  std::string until;                   // YYYY-MM-DD, empty when it never expires
  Range where;                         // the comment, or the metadata entry

  // What it covers: findings starting on `lines` of `where.file`, and findings of `resources`
  // (or inside their declarations' extents).
  std::set<uint32_t> lines;            // 1-based
  std::set<std::string> resources;     // addresses
  std::vector<Range> extents;          // declaration to the end of the resource's body

  std::string problem;                 // non-empty: invalid (no reason, bad date, unknown rule)
  bool expired = false;
  size_t matched = 0;                  // findings it suppressed

  bool active() const { return problem.empty() && !expired; }
  bool foreign() const { return tool != "ephemera"; }
};

}  // namespace eph
