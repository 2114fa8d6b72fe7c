// `ephemera merge`: joins the JSON or SARIF reports of `ephemera scan --shard K/N` runs into
// one report and the exit code the whole scan would have had.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "core/spelling.h"
#include "report/report_merge.h"

namespace eph::cli {
namespace {

const char* kMergeHelp =
    "usage: ephemera merge REPORT... [--output FILE] [--fail-on SEV] [--soft-fail]\n"
    "\n"
    "Joins the JSON or SARIF reports of the shards of one scan (`ephemera scan` with the shard\n"
    "option K/N) into the report of the whole scan: findings in the scan's order (one finding reported by\n"
    "two shards is kept once), errors, notifications and the summary added up. All reports must\n"
    "have one format; the merged report has it too.\n"
    "\n"
    "options:\n"
    "  --output FILE   write the merged report to FILE (default: stdout)\n"
    "  --fail-on SEV   exit 1 when a finding is at or above SEV (default: low); none: never\n"
    "  --soft-fail     the same as --fail-on none\n"
    "\n"
    "exit codes: 0 nothing at or above --fail-on, 1 findings (or a parse error, EPH000),\n"
    "            2 usage error, an unreadable report, or a shard's errors (its scan was incomplete)\n";

}  // namespace

int run_merge(const std::vector<std::string>& args) {
  if (wants_help(args)) {
    std::cout << kMergeHelp;
    return kExitClean;
  }
  std::vector<std::string> inputs;
  std::string output;
  std::optional<Severity> fail_on = Severity::Low;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--output" || a == "-o" || a == "--fail-on") && i + 1 >= args.size()) {
      std::cerr << "ephemera merge: option " << a << " needs a value (see `ephemera merge --help`)\n";
      return kExitUsage;
    }
    if (a == "--output" || a == "-o") {
      output = args[++i];
    } else if (a == "--fail-on") {
      const std::string& v = args[++i];
      if (v == "none") {
        fail_on.reset();
      } else if (auto s = parse_severity(v)) {
        fail_on = *s;
      } else {
        std::cerr << "ephemera merge: unknown severity '" << v << "' (critical, high, medium, low, info, none)\n";
        return kExitUsage;
      }
    } else if (a == "--soft-fail") {
      fail_on.reset();
    } else if (a.starts_with("-")) {
      std::cerr << "ephemera merge: unknown option '" << a << "'"
                << did_you_mean(a, {"--output", "--fail-on", "--soft-fail", "--help"}) << " (see `ephemera merge --help`)\n";
      return kExitUsage;
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) {
    std::cerr << "ephemera merge: no report given (see `ephemera merge --help`)\n";
    return kExitUsage;
  }
  std::vector<nlohmann::ordered_json> docs;
  std::optional<MergedFormat> format;
  for (const auto& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "ephemera merge: " << path << ": cannot read\n";
      return kExitUsage;
    }
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(in, nullptr, false);
    std::optional<MergedFormat> f = report_format_of(doc);
    if (!f) {
      std::cerr << "ephemera merge: " << path << ": not an ephemera JSON or SARIF report\n";
      return kExitUsage;
    }
    if (format && *format != *f) {
      std::cerr << "ephemera merge: " << path << ": is " << (*f == MergedFormat::Json ? "JSON" : "SARIF")
                << ", the reports before it are not: merge reports of one format\n";
      return kExitUsage;
    }
    format = f;
    docs.push_back(std::move(doc));
  }
  nlohmann::ordered_json merged = *format == MergedFormat::Json ? merge_json_reports(docs) : merge_sarif_reports(docs);
  std::string text = merged.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  if (output.empty()) {
    std::cout << text;
  } else if (!(std::ofstream(output, std::ios::binary | std::ios::trunc) << text)) {
    std::cerr << "ephemera merge: cannot write " << output << "\n";
    return kExitUsage;
  }
  switch (merged_verdict(merged, *format, fail_on)) {
    case ScanVerdict::Clean: return kExitClean;
    case ScanVerdict::Findings: return kExitFindings;
    case ScanVerdict::Error: return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace eph::cli
