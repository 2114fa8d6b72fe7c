// `ephemera scan`: discover, analyse, report, and turn the result into an exit code.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "engine/analyzer.h"
#include "engine/disk_file_provider.h"
#include "report/reporter.h"

extern char** environ;

namespace eph::cli {
namespace {

const char* kScanHelp =
    "usage: ephemera scan [PATH...] [options]\n"
    "\n"
    "Analyses Terraform (.tf, .tf.json, plan JSON), CloudFormation and SAM templates under each PATH\n"
    "(default: the current directory).\n"
    "\n"
    "options:\n"
    "  --format FMT        text (default) or json; repeat with --output to write several reports\n"
    "  --output FILE       write the report of the preceding --format to FILE (default: stdout)\n"
    "  --fail-on SEV       exit 1 when a finding is at or above SEV (default: low)\n"
    "  --severity SEV      report only findings at or above SEV\n"
    "  --var NAME=VALUE    set a Terraform input variable\n"
    "  --var-file FILE     read Terraform variables from a .tfvars file\n"
    "  --exclude GLOB      skip paths matching GLOB (repeatable)\n"
    "  --threads N         analyse with N threads (default: one per core)\n"
    "  --show-suppressed   also list suppressed findings\n"
    "  --color, --no-color force colours on or off (default: on for a terminal, off when NO_COLOR is set)\n"
    "\n"
    "exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or unreadable input\n";

std::atomic<bool> g_interrupted{false};
void on_interrupt(int) { g_interrupted.store(true); }

struct Sink {
  ReportFormat format = ReportFormat::Text;
  std::string output;  // empty: stdout
};

struct ScanArgs {
  std::vector<std::string> paths;
  std::vector<Sink> sinks;
  AnalysisOptions options;
  ReportOptions report;
  int color = -1;  // -1 auto
};

bool need_value(const std::vector<std::string>& args, size_t i, std::string& error) {
  if (i + 1 < args.size()) return true;
  error = "option " + args[i] + " needs a value";
  return false;
}

bool parse_args(const std::vector<std::string>& args, ScanArgs& out, std::string& error) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format") {
      if (!need_value(args, i, error)) return false;
      auto f = parse_report_format(args[++i]);
      if (!f) {
        error = "unknown format '" + args[i] + "'";
        return false;
      }
      out.sinks.push_back(Sink{*f, {}});
    } else if (a == "--output" || a == "-o") {
      if (!need_value(args, i, error)) return false;
      if (out.sinks.empty() || !out.sinks.back().output.empty()) out.sinks.push_back(Sink{});
      out.sinks.back().output = args[++i];
    } else if (a == "--fail-on" || a == "--severity") {
      if (!need_value(args, i, error)) return false;
      auto s = parse_severity(args[++i]);
      if (!s) {
        error = "unknown severity '" + args[i] + "' (critical, high, medium, low, info)";
        return false;
      }
      if (a == "--fail-on") out.options.config.fail_on = *s;
      else out.options.config.min_severity = *s;
    } else if (a == "--var") {
      if (!need_value(args, i, error)) return false;
      std::string kv = args[++i];
      size_t eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) {
        error = "--var expects NAME=VALUE, got '" + kv + "'";
        return false;
      }
      out.options.terraform.vars.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    } else if (a == "--var-file") {
      if (!need_value(args, i, error)) return false;
      out.options.terraform.var_files.push_back(args[++i]);
    } else if (a == "--exclude") {
      if (!need_value(args, i, error)) return false;
      out.options.config.exclude.push_back(args[++i]);
    } else if (a == "--threads") {
      if (!need_value(args, i, error)) return false;
      out.options.threads = static_cast<unsigned>(std::strtoul(args[++i].c_str(), nullptr, 10));
    } else if (a == "--show-suppressed") {
      out.report.show_suppressed = true;
    } else if (a == "--color") {
      out.color = 1;
    } else if (a == "--no-color") {
      out.color = 0;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      error = "unknown option '" + a + "'";
      return false;
    } else {
      out.paths.push_back(a);
    }
  }
  if (out.paths.empty()) out.paths.push_back(".");
  if (out.sinks.empty()) out.sinks.push_back(Sink{});
  return true;
}

void read_tf_var_environment(terraform::TerraformInputs& inputs) {
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    if (kv.rfind("TF_VAR_", 0) != 0) continue;
    size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    inputs.env.emplace_back(std::string(kv.substr(7, eq - 7)), std::string(kv.substr(eq + 1)));
  }
}

bool use_color(int requested) {
  if (requested >= 0) return requested == 1;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

}  // namespace

std::vector<std::string> scan_roots(const std::vector<std::string>& paths) {
  // Nothing outside the scanned directories (or the directories of scanned files) is read.
  std::vector<std::string> roots;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) roots.push_back(p);
    else roots.push_back(std::filesystem::path(p).parent_path().empty() ? "." : std::filesystem::path(p).parent_path().string());
  }
  return roots;
}

int run_scan(const std::vector<std::string>& args) {
  if (wants_help(args)) {
    std::cout << kScanHelp;
    return kExitClean;
  }
  ScanArgs scan;
  std::string error;
  if (!parse_args(args, scan, error)) {
    std::cerr << "ephemera scan: " << error << "\n\n" << kScanHelp;
    return kExitUsage;
  }
  read_tf_var_environment(scan.options.terraform);

  DiscoveredFiles found = discover_files(scan.paths, scan.options.config.exclude);
  DiskFileProvider provider(scan_roots(scan.paths), scan.options.config.max_file_bytes);
  std::vector<UnitPlan> units = plan_units(found, provider, scan.options.config.max_file_bytes);

  std::signal(SIGINT, on_interrupt);
  scan.options.cancel = &g_interrupted;
  AnalysisResult result = analyze(units, provider, scan.options);
  for (auto& e : found.errors) result.errors.push_back(std::move(e));
  if (result.cancelled) {
    // Partial results are not written as if they were complete.
    std::cerr << "ephemera scan: interrupted; no report written\n";
    return 130;
  }

  for (const auto& sink : scan.sinks) {
    ReportOptions options = scan.report;
    options.color = sink.output.empty() && sink.format == ReportFormat::Text && use_color(scan.color);
    if (sink.output.empty()) {
      write_report(sink.format, std::cout, result, options);
      continue;
    }
    std::ostringstream buffer;
    write_report(sink.format, buffer, result, options);
    std::ofstream file(sink.output, std::ios::binary | std::ios::trunc);
    if (!(file << buffer.str())) {
      std::cerr << "ephemera scan: cannot write " << sink.output << "\n";
      return kExitUsage;
    }
  }

  if (!result.errors.empty()) return kExitUsage;
  for (const auto& f : result.findings) {
    if (!f.suppressed && f.severity >= scan.options.config.fail_on) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace eph::cli
