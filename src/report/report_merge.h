#pragma once
// `ephemera merge`: joins the JSON or SARIF reports of the shards of one scan (`--shard K/N`)
// into the report the whole scan would have written: findings in the scan's order, errors,
// notifications and the summary added up. Works on the documents, not on a re-analysis.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/severity.h"
#include "engine/exit_policy.h"

namespace eph {

enum class MergedFormat { Json, Sarif };

// The format of one report, or nullopt when it is neither an ephemera JSON report nor SARIF.
std::optional<MergedFormat> report_format_of(const nlohmann::ordered_json& doc);

// Findings at one place (file, range, rule and message but for the resource) reported by
// two shards are one finding (the more severe), as in the whole scan.
nlohmann::ordered_json merge_json_reports(const std::vector<nlohmann::ordered_json>& docs);
nlohmann::ordered_json merge_sarif_reports(const std::vector<nlohmann::ordered_json>& docs);

// The exit verdict of a merged report, as `ephemera scan` decides it: errors (an incomplete
// shard) are an error; an unsuppressed finding at or above `fail_on`, or a parse error (EPH000)
// unless `fail_on` is none, fails.
ScanVerdict merged_verdict(const nlohmann::ordered_json& merged, MergedFormat format, std::optional<Severity> fail_on);

}  // namespace eph
