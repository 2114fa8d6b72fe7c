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
#include "rule_api/suppression.h"

namespace eph {

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
