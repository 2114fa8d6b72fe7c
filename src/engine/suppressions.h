#pragma once
// Suppressions: inline `ephemera:ignore` comments, CloudFormation `Metadata.ephemera.ignore`,
// and other scanners' skips that map one to one onto an ephemera rule (foreign_rule_map.h).
// Collected per unit while its files are alive, applied to that unit's findings, and
// then read by EPH002 (unused) and EPH003 (invalid or expired).
#include <set>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/resource.h"

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

struct SuppressionOptions {
  bool foreign = true;     // honour other scanners' skips
  std::string today;       // YYYY-MM-DD; empty: the current UTC date
};

// Every suppression written in the unit's files and resource metadata.
std::vector<Suppression> collect_suppressions(const LoadedUnit& unit, const SuppressionOptions& options);

// Marks the findings that an active suppression covers (suppressed, suppression, justification)
// and counts each suppression's matches. Findings before `first` are left alone.
void apply_suppressions(std::vector<Suppression>& suppressions, std::vector<Finding>& findings, size_t first = 0);

// Parses the text after `ephemera:ignore` (ids, reason="...", until=YYYY-MM-DD). Exposed for tests.
Suppression parse_ignore_directive(std::string_view text);

// Adds a rule named by id or slug (an unknown name makes the suppression invalid).
void add_rule_id(Suppression& s, std::string_view id_or_slug);
// Sets `problem` when the reason is missing, the date is malformed or no rule is named.
void validate_suppression(Suppression& s);

std::string today_utc();

}  // namespace eph
