// `ephemera scan`: discover, analyse, report, and turn the result into an exit code.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "cli/commands.h"
#include "core/disk_file_provider.h"
#include "core/spelling.h"
#include "engine/analyzer.h"
#include "engine/baseline.h"
#include "engine/change_scope.h"
#include "engine/config_loader.h"
#include "engine/config_resolution.h"
#include "engine/exit_policy.h"
#include "engine/finding_filter.h"
#include "engine/path_exclusion.h"
#include "engine/sharding.h"
#include "formats/source_format.h"
#include "registry/rule_registry.h"
#include "report/reporter.h"
#include "terraform/module_config_cache.h"

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
    "  --format FMT        text (default), json, sarif, junit, github, gitlab (Code Quality),\n"
    "                      markdown (pull-request comments, $GITHUB_STEP_SUMMARY) or html (one\n"
    "                      self-contained page with drawings of the evidence chains);\n"
    "                      repeat with --output to write several reports in one run\n"
    "  --output FILE       write the report of the preceding --format to FILE (default: stdout)\n"
    "  --fail-on SEV       exit 1 when a finding is at or above SEV (default: low; overrides the config);\n"
    "                      none: never exit 1 for findings\n"
    "  --soft-fail         report, but exit 0 even with findings (the same as --fail-on none)\n"
    "  --severity SEV      report only findings at or above SEV (overrides the config)\n"
    "  --rule RULE         run only RULE (an id or slug, any case; repeatable). Parse errors (EPH000)\n"
    "                      and safety limits (EPH001) are still reported unless skipped\n"
    "  --skip-rule RULE    do not run RULE (repeatable; wins over --rule and the config)\n"
    "  --rules-dir DIR     also run the custom rules (*.rule.yaml) under DIR (repeatable; see\n"
    "                      docs/custom-rules.md); the config's custom-rules: adds more\n"
    "  --config FILE       read settings from FILE instead of the nearest .ephemera.yaml\n"
    "  --no-config         ignore .ephemera.yaml files\n"
    "  --baseline FILE     report and fail only on findings not recorded in FILE (its paths are\n"
    "                      relative to FILE's directory: it works from any directory)\n"
    "  --write-baseline FILE  record the current findings in FILE (the scan then exits 0)\n"
    "  --no-foreign-suppressions  ignore checkov/tfsec/trivy/cfn_nag/cfn-lint skips\n"
    "  --only-file FILE    report only findings in FILE or with evidence in it (repeatable)\n"
    "  --changed           the PATHs are the files a change touched (pre-commit passes them):\n"
    "                      analyse the units under the current directory that hold them (a\n"
    "                      .tfvars file's module, the root modules calling a changed module,\n"
    "                      everything when .ephemera.yaml changed) and report the findings in\n"
    "                      them or with evidence in them; deleted files are allowed\n"
    "  --source-root DIR   SARIF and GitLab: paths relative to DIR (default: the current directory)\n"
    "  --var NAME=VALUE    set a Terraform input variable (and serverless.yml's ${env:NAME})\n"
    "  --var-file FILE     read Terraform variables from a .tfvars file\n"
    "  --stage NAME        the Serverless Framework stage (default: provider.stage, else dev)\n"
    "  --exclude GLOB      skip paths matching GLOB (repeatable)\n"
    "  --threads N         analyse with N threads (default: one per core)\n"
    "  --shard K/N         analyse only the K-th of N size-balanced, disjoint shares of the units\n"
    "                      (a CI matrix; `ephemera merge` joins the shards' JSON or SARIF reports)\n"
    "  --max-file-bytes N  report larger files (EPH001) instead of analysing them (default: 8 MiB;\n"
    "                      overrides the config's max-file-bytes)\n"
    "  --show-suppressed   also list suppressed findings\n"
    "  --show-secrets      print secret values in full; by default every format masks them\n"
    "                      as sk_l…(32 chars): use only locally, never in CI logs\n"
    "  --follow-symlinks   follow symbolic links that lead outside the scanned paths (unsafe on\n"
    "                      code you do not trust: see SECURITY.md)\n"
    "  --color, --no-color force colours on or off (default: on for a terminal, off when NO_COLOR is set)\n"
    "\n"
    "exit codes: 0 nothing at or above --fail-on (or --soft-fail), 1 findings (or a parse error,\n"
    "            EPH000), 2 usage, configuration or unreadable input (also with --soft-fail)\n"
    "\n"
    "Each finding links to its rule's documentation; `ephemera explain RULE` prints it.\n";

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
  // Flags that win over the configuration file, applied after it is read.
  std::optional<std::optional<Severity>> fail_on;  // set: the flag was given; nullopt inside: none
  std::optional<Severity> min_severity;
  std::vector<std::string> only_rules, skipped_rules;  // rule names as given, resolved once custom rules are in
  std::vector<std::string> rules_dirs;                 // --rules-dir
  std::optional<size_t> max_file_bytes;
  std::vector<std::string> exclude;
  bool no_foreign_suppressions = false;
  std::string config_file;
  bool no_config = false;
  std::optional<std::string> config_in_effect;  // the file configure() read
  Config config_file_settings;                  // what it says, before the flags
  std::string baseline, write_baseline;
  std::vector<std::string> only_files;
  bool changed = false;                 // --changed: the PATHs are the files of a change
  std::vector<std::string> changed_files;
  bool follow_symlinks = false;
  std::optional<Shard> shard;
};

// Every option `ephemera scan` knows, for "did you mean" on a mistyped one.
const std::vector<std::string>& known_options() {
  static const std::vector<std::string> options = {
      "--format",    "--output",        "--fail-on",         "--soft-fail",     "--severity",
      "--rule",      "--skip-rule",     "--rules-dir",     "--config",          "--no-config",     "--baseline",
      "--write-baseline",               "--no-foreign-suppressions",            "--only-file",     "--changed",
      "--source-root", "--var",         "--var-file",        "--stage",        "--exclude",       "--threads",       "--shard",
      "--max-file-bytes",               "--show-suppressed", "--show-secrets", "--color",         "--no-color",
      "--help"};
  return options;
}

bool need_value(const std::vector<std::string>& args, size_t i, std::string& error) {
  if (i + 1 < args.size()) return true;
  error = "option " + args[i] + " needs a value";
  return false;
}

// A rule named on the command line: its id, or a usage error with a suggestion.
std::optional<std::string> rule_id_of(const std::string& name, std::string& error) {
  if (const RuleEntry* rule = find_rule(name)) return rule->info->id;
  error = "unknown rule '" + name + "'" + did_you_mean(name, rule_ids_and_slugs()) + " (see `ephemera rules`)";
  return std::nullopt;
}

bool parse_args(const std::vector<std::string>& args, ScanArgs& out, std::string& error) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format") {
      if (!need_value(args, i, error)) return false;
      auto f = parse_report_format(args[++i]);
      if (!f) {
        error = "unknown format '" + args[i] + "'" + did_you_mean(args[i], {"text", "json", "sarif", "junit", "github", "gitlab", "markdown", "html"}) +
                " (text, json, sarif, junit, github, gitlab, markdown, html)";
        return false;
      }
      out.sinks.push_back(Sink{*f, {}});
    } else if (a == "--output" || a == "-o") {
      if (!need_value(args, i, error)) return false;
      if (out.sinks.empty() || !out.sinks.back().output.empty()) out.sinks.push_back(Sink{});
      out.sinks.back().output = args[++i];
    } else if (a == "--fail-on" && i + 1 < args.size() && args[i + 1] == "none") {
      out.fail_on = std::optional<Severity>();
      ++i;
    } else if (a == "--fail-on" || a == "--severity") {
      if (!need_value(args, i, error)) return false;
      auto s = parse_severity(args[++i]);
      if (!s) {
        error = "unknown severity '" + args[i] + "' (critical, high, medium, low, info" +
                (a == "--fail-on" ? ", none)" : ")");
        return false;
      }
      if (a == "--fail-on") out.fail_on = std::optional<Severity>(*s);
      else out.min_severity = *s;
    } else if (a == "--soft-fail") {
      out.fail_on = std::optional<Severity>();
    } else if (a == "--rule" || a == "--skip-rule") {
      if (!need_value(args, i, error)) return false;
      (a == "--rule" ? out.only_rules : out.skipped_rules).push_back(args[++i]);
    } else if (a == "--rules-dir") {
      if (!need_value(args, i, error)) return false;
      out.rules_dirs.push_back(args[++i]);
    } else if (a == "--var") {
      if (!need_value(args, i, error)) return false;
      std::string kv = args[++i];
      size_t eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) {
        error = "--var expects NAME=VALUE, got '" + kv + "'";
        return false;
      }
      out.options.terraform.vars.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
      out.options.serverless.env.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    } else if (a == "--stage") {
      if (!need_value(args, i, error)) return false;
      out.options.serverless.stage = args[++i];
    } else if (a == "--var-file") {
      if (!need_value(args, i, error)) return false;
      out.options.terraform.var_files.push_back(args[++i]);
    } else if (a == "--exclude") {
      if (!need_value(args, i, error)) return false;
      out.exclude.push_back(args[++i]);
    } else if (a == "--threads") {
      if (!need_value(args, i, error)) return false;
      out.options.threads = static_cast<unsigned>(std::strtoul(args[++i].c_str(), nullptr, 10));
    } else if (a == "--shard") {
      if (!need_value(args, i, error)) return false;
      out.shard = parse_shard(args[++i], error);
      if (!out.shard) return false;
    } else if (a == "--max-file-bytes") {
      if (!need_value(args, i, error)) return false;
      const std::string& v = args[++i];
      char* end = nullptr;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n == 0 || v[0] == '-') {
        error = "--max-file-bytes expects a positive number of bytes, got '" + v + "'";
        return false;
      }
      out.max_file_bytes = static_cast<size_t>(n);
    } else if (a == "--config" || a == "--baseline" || a == "--write-baseline" || a == "--only-file" ||
               a == "--source-root") {
      if (!need_value(args, i, error)) return false;
      const std::string& v = args[++i];
      if (a == "--config") out.config_file = v;
      else if (a == "--baseline") out.baseline = v;
      else if (a == "--write-baseline") out.write_baseline = v;
      else if (a == "--only-file") out.only_files.push_back(v);
      else out.report.source_root = v;
    } else if (a == "--changed") {
      out.changed = true;
    } else if (a == "--no-config") {
      out.no_config = true;
    } else if (a == "--no-foreign-suppressions") {
      out.no_foreign_suppressions = true;
    } else if (a == "--show-suppressed") {
      out.report.show_suppressed = true;
    } else if (a == "--show-secrets") {
      out.report.show_secrets = true;
    } else if (a == "--follow-symlinks") {
      out.follow_symlinks = true;
    } else if (a == "--color") {
      out.color = 1;
    } else if (a == "--no-color") {
      out.color = 0;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      error = "unknown option '" + a + "'" + did_you_mean(a, known_options());
      return false;
    } else {
      out.paths.push_back(a);
    }
  }
  if (out.changed) {
    // The changed files select units of the tree under the current directory.
    out.changed_files = std::move(out.paths);
    out.paths = {"."};
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

// --rule runs only the rules named (and the scan's own failures, EPH000 and EPH001: a file
// nobody could read is a file nobody checked); --skip-rule turns rules off. Both win over
// the configuration file.
bool select_rules(const ScanArgs& scan, Config& config) {
  std::vector<std::string> only, skipped;
  std::string error;
  for (const auto& [names, ids] : {std::pair{&scan.only_rules, &only}, std::pair{&scan.skipped_rules, &skipped}}) {
    for (const auto& name : *names) {
      auto id = rule_id_of(name, error);
      if (!id) {
        std::cerr << "ephemera scan: " << error << "\n";
        return false;
      }
      ids->push_back(*id);
    }
  }
  if (!only.empty()) {
    for (const auto& e : all_rules()) {
      const std::string& id = e.info->id;
      bool named = std::find(only.begin(), only.end(), id) != only.end();
      if (named) config.rules[id].enabled = true;
      else if (id != "EPH000" && id != "EPH001") config.rules[id].enabled = false;
    }
  }
  for (const auto& id : skipped) config.rules[id].enabled = false;
  return true;
}

// What the flags set wins over every configuration file. False: a rule named is unknown.
bool apply_flags(const ScanArgs& scan, Config& config) {
  if (scan.follow_symlinks) config.follow_symlinks = true;
  if (scan.fail_on) config.fail_on = *scan.fail_on;
  if (!select_rules(scan, config)) return false;
  if (scan.min_severity) config.min_severity = *scan.min_severity;
  if (scan.max_file_bytes) config.max_file_bytes = *scan.max_file_bytes;
  config.exclude.insert(config.exclude.end(), scan.exclude.begin(), scan.exclude.end());
  if (scan.no_foreign_suppressions) config.foreign_suppressions = false;
  return true;
}

// Reads one configuration file, printing its errors and warnings. `tree`: the scanned roots,
// through which a configuration file inside them is read.
bool read_config(const std::string& file, Config& config, const PathConfinement& tree) {
  std::vector<ConfigError> errors;
  bool ok = load_config_file(file, config, errors, tree);
  for (const auto& e : errors) std::cerr << e.to_string() << "\n";  // warnings too
  if (!ok) return false;
  // A configuration file in the scanned tree comes with the code: a pull request could turn
  // link following on to read the machine's files. Only the user can (flag, or a file outside).
  if (config.follow_symlinks && tree.check(file) != PathConfinement::Verdict::Outside) {
    std::cerr << "ephemera scan: " << file
              << ": follow-symlinks is ignored in a configuration file inside the scanned paths; "
                 "pass --follow-symlinks\n";
    config.follow_symlinks = false;
  }
  return true;
}

// The configuration of the scan itself (.ephemera.yaml nearest the first scanned path, or
// --config), then the flags: it decides what applies to the whole run (discovery, file size,
// links, the exit code). Each unit's findings follow its own nearest file (configure_units).
bool configure(ScanArgs& scan, const PathConfinement& tree) {
  Config& config = scan.options.config;
  std::optional<std::string> file;
  if (!scan.config_file.empty()) file = scan.config_file;
  else if (!scan.no_config) file = find_config_file(scan.paths.front());
  scan.config_in_effect = file;
  if (file && !read_config(*file, config, tree)) return false;
  scan.config_file_settings = config;
  // Custom rules join the built-in ones before --rule and --skip-rule name them. They are the
  // run's (one rule registry): those of the scan's configuration file and --rules-dir.
  if (!install_custom_rules_of(config, scan.rules_dirs, "ephemera scan")) return false;
  return apply_flags(scan, config);
}

// Each unit gets the .ephemera.yaml nearest above its directory (config_resolution.h), as in
// the editor; --config and --no-config give every unit the scan's configuration. Files a
// unit's configuration excludes are left out of it, as the editor leaves them out.
bool configure_units(ScanArgs& scan, std::vector<UnitPlan>& units, UnitConfigs& configs) {
  if (!scan.config_file.empty() || scan.no_config) return true;
  // The units kept move forward in place: a second vector of plans would double them.
  size_t kept = 0;
  scan.options.unit_configs.reserve(units.size());
  for (auto& unit : units) {
    const Config* config = configs.of_unit(unit);
    if (!config) return false;
    PathExclusion exclusion(*config);
    bool directory_unit = !unit.rejected() && unit.format->directory_units();
    if (directory_unit) std::erase_if(unit.files, [&](const std::string& f) { return exclusion.excluded(f); });
    bool empty = directory_unit ? unit.files.empty() : exclusion.excluded(unit.root);
    if (empty) continue;
    if (&units[kept] != &unit) units[kept] = std::move(unit);
    ++kept;
    scan.options.unit_configs.push_back(config);
  }
  units.erase(units.begin() + static_cast<std::ptrdiff_t>(kept), units.end());
  return true;
}

// Roots of the scan: the scanned paths, and each --var-file named outside them (the user's own
// file, read as given). A --var-file inside them is a file of the tree, confined like the others;
// one refused is an input error.
std::vector<std::string> roots_with_var_files(const ScanArgs& scan, std::vector<InputError>& errors) {
  std::vector<std::string> roots = scan_roots(scan.paths);
  const PathConfinement tree(roots, scan.options.config.follow_symlinks);
  for (const auto& file : scan.options.terraform.var_files) {
    PathConfinement::Verdict verdict = tree.check(file);
    if (verdict == PathConfinement::Verdict::Outside) roots.push_back(file);
    else if (verdict == PathConfinement::Verdict::LeadsOutside)
      errors.push_back({file, "--var-file is not read: " + PathConfinement::reason(verdict)});
  }
  return roots;
}

// `tree`: a report written inside the scanned paths is not written through a link there that
// leads out of them (a pull request could point one at a file of the machine to overwrite it).
std::optional<std::ofstream> open_output(const std::string& path, const PathConfinement& tree) {
  if (tree.check(path) == PathConfinement::Verdict::LeadsOutside) return std::nullopt;
  std::optional<std::ofstream> file(std::in_place, path, std::ios::binary | std::ios::trunc);
  if (!*file) return std::nullopt;
  return file;
}

bool write_file(const std::string& path, const std::string& text, const PathConfinement& tree) {
  std::optional<std::ofstream> file = open_output(path, tree);
  return file && static_cast<bool>(*file << text);
}

bool use_color(int requested) {
  if (requested >= 0) return requested == 1;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

// In GitHub Actions, Markdown links to lines point at the commit being checked.
std::string github_blob_url() {
  const char* server = std::getenv("GITHUB_SERVER_URL");
  const char* repository = std::getenv("GITHUB_REPOSITORY");
  const char* sha = std::getenv("GITHUB_SHA");
  if (!server || !*server || !repository || !*repository || !sha || !*sha) return {};
  return std::string(server) + "/" + repository + "/blob/" + sha;
}

// --changed: only the units that hold the changed files are analysed, and only the findings
// that concern the change are reported.
bool narrow_to_change(ScanArgs& scan, std::vector<UnitPlan>& units) {
  ChangeContext context{scan.paths.front(), scan.config_in_effect, scan.config_file.empty() && !scan.no_config};
  ChangeScope scope = scope_of_change(scan.changed_files, units, context);
  for (const auto& path : scope.outside_root)
    std::cerr << "ephemera scan: --changed: " << path << " is outside the current directory (run from the repository root)\n";
  if (!scope.outside_root.empty()) return false;
  for (const auto& path : scope.configs_not_applied)
    std::cerr << "ephemera scan: --changed: " << path
              << " does not apply to this scan (--config or --no-config): nothing analysed for it\n";
  units = std::move(scope.units);
  if (!scope.configuration_changed) {
    scan.only_files.insert(scan.only_files.end(), scan.changed_files.begin(), scan.changed_files.end());
    scan.only_files.insert(scan.only_files.end(), scope.files_concerned.begin(), scope.files_concerned.end());
  }
  return true;
}

// --shard K/N: this run's share of the units, with the configuration of each.
void take_shard(ScanArgs& scan, std::vector<UnitPlan>& units) {
  std::map<std::string, const Config*> config_of_root;
  for (size_t i = 0; i < scan.options.unit_configs.size(); ++i) config_of_root[units[i].root] = scan.options.unit_configs[i];
  auto bytes = [](const UnitPlan& unit) {
    uint64_t total = 0;
    std::error_code ec;
    for (const auto& file : unit.files.empty() ? std::vector<std::string>{unit.root} : unit.files) {
      uintmax_t size = std::filesystem::file_size(file, ec);
      total += ec ? 0 : size;
    }
    return total;
  };
  units = units_of_shard(units, *scan.shard, bytes);
  if (scan.options.unit_configs.empty()) return;
  scan.options.unit_configs.clear();
  for (const auto& unit : units) scan.options.unit_configs.push_back(config_of_root.at(unit.root));
}

}  // namespace

int run_scan(const std::vector<std::string>& args) {
  if (wants_help(args)) {
    std::cout << kScanHelp;
    return kExitClean;
  }
  ScanArgs scan;
  std::string error;
  if (!parse_args(args, scan, error)) {
    // One line that says what is wrong; the whole help would bury it.
    bool points_elsewhere = error.find("(see `") != std::string::npos;  // e.g. to `ephemera rules`
    std::cerr << "ephemera scan: " << error << (points_elsewhere ? "" : " (see `ephemera scan --help`)") << "\n";
    return kExitUsage;
  }
  read_tf_var_environment(scan.options.terraform);
  const PathConfinement tree(scan_roots(scan.paths), scan.follow_symlinks);
  if (!configure(scan, tree)) return kExitUsage;
  Baseline baseline;
  if (!scan.baseline.empty()) {
    std::string why;
    std::optional<std::string> text = tree.read_named_file(scan.baseline, &why);
    std::string error = text ? std::string() : scan.baseline + ": cannot read baseline: " + why;
    if (text) read_baseline(scan.baseline, *text, baseline, error);
    if (!error.empty()) {
      std::cerr << "ephemera scan: " << error << "\n";
      return kExitUsage;
    }
  }

  std::vector<InputError> var_file_errors;
  DiskFileProvider provider(roots_with_var_files(scan, var_file_errors), scan.options.config.max_file_bytes,
                            scan.options.config.follow_symlinks);
  DiscoveredFiles found = discover_files(scan.paths, PathExclusion(scan.options.config), provider.confinement());
  for (auto& e : var_file_errors) found.errors.push_back(std::move(e));
  provider.keep_texts_for_one_more_read(DiskFileProvider::kScanTextBudgetBytes);
  std::vector<UnitPlan> units =
      plan_units_taking_paths(found, provider, scan.options.config.max_file_bytes, scan.options.threads);
  // Planning's texts wait for their units; what the analysis reads first is not kept for a
  // second read that rarely comes (up to the whole budget, held to the end). The candidates'
  // paths are in the plans now.
  provider.keep_texts_for_one_more_read(0);
  std::vector<std::string>().swap(found.files);  // not `= {}`: that keeps the capacity
  std::vector<std::string>().swap(found.explicit_files);
  if (scan.changed && !narrow_to_change(scan, units)) return kExitUsage;
  ConfigFileFinder config_files(&found.listed);  // what the walk listed is not asked of the disk again
  UnitConfigs unit_configs(
      [&](const std::string& dir) { return config_files.find_from_directory(dir); },  // unit_directory()
      [&](const std::string& file, Config& config) {
        if (scan.config_in_effect && file == *scan.config_in_effect) {
          config = scan.config_file_settings;  // read already, its messages printed once
          return true;
        }
        return read_config(file, config, tree);
      },
      [&](Config& config) { apply_flags(scan, config); });
  if (!configure_units(scan, units, unit_configs)) return kExitUsage;
  // The directories of a large tree and their answers are not needed during the analysis.
  config_files.forget();
  unit_configs.forget_directories();
  found.listed.clear();
  if (scan.shard) take_shard(scan, units);

  std::signal(SIGINT, on_interrupt);
  scan.options.cancel = &g_interrupted;
  scan.options.excerpt_files = true;  // the reports read excerpts: each unit's files go when it is done
  scan.options.spill_findings = true;  // and the findings wait on disk, read back in order by the report
  terraform::ModuleConfigCache::shared().set_budget(terraform::ModuleConfigCache::kScanBudgetBytes);
  AnalysisResult result = analyze_releasing_plans(std::move(units), provider, scan.options);
  for (auto& e : found.errors) result.errors.push_back(std::move(e));
  if (result.cancelled) {
    // Partial results are not written as if they were complete.
    std::cerr << "ephemera scan: interrupted; no report written\n";
    return 130;
  }

  // What edits the findings (baselines, --only-file) or summarises them first (Markdown, HTML)
  // reads them into memory; the CI reports and the exit code read them back from the spill, a
  // place at a time.
  bool streamed = scan.baseline.empty() && scan.only_files.empty() && scan.write_baseline.empty() &&
                  std::none_of(scan.sinks.begin(), scan.sinks.end(), [](const auto& s) {
                    return s.format == ReportFormat::Markdown || s.format == ReportFormat::Html;
                  });
  if (!streamed) materialise_findings(result);

  // The baseline is matched before --only-file narrows the findings; "matched nothing" is
  // said only of a whole scan (--changed analyses some units, which may hold none of them).
  if (!scan.baseline.empty() && scan.write_baseline.empty()) {
    size_t matched = apply_baseline(baseline, result);
    if (auto warning = unmatched_baseline_warning(baseline, matched); warning && !scan.changed)
      result.warnings.push_back(std::move(*warning));
  }
  for (const auto& w : result.warnings) std::cerr << "ephemera scan: warning: " << w << "\n";
  if (!scan.only_files.empty()) keep_findings_touching(result, scan.only_files);
  if (!scan.write_baseline.empty()) {
    std::ostringstream text;
    write_baseline(text, result, scan.report.version, scan.write_baseline);
    if (!write_file(scan.write_baseline, text.str(), tree)) {
      std::cerr << "ephemera scan: cannot write " << scan.write_baseline << "\n";
      return kExitUsage;
    }
    size_t recorded = result.findings.size() - result.suppressed;
    std::cerr << "ephemera scan: recorded " << recorded << (recorded == 1 ? " finding" : " findings") << " in "
              << scan.write_baseline << "\n";
    return result.errors.empty() ? kExitClean : kExitUsage;
  }

  for (const auto& sink : scan.sinks) {
    ReportOptions options = scan.report;
    options.color = sink.output.empty() && sink.format == ReportFormat::Text && use_color(scan.color);
    if (sink.format == ReportFormat::Markdown) options.blob_url = github_blob_url();
    if (sink.output.empty()) {
      write_report(sink.format, std::cout, result, options);
      continue;
    }
    // Written as it is produced: a large scan's report is never held whole in memory.
    std::optional<std::ofstream> file = open_output(sink.output, tree);
    if (file) write_report(sink.format, *file, result, options);
    if (!file || !file->flush()) {
      std::cerr << "ephemera scan: cannot write " << sink.output << "\n";
      return kExitUsage;
    }
  }

  switch (scan_verdict(result, scan.options.config)) {
    case ScanVerdict::Clean: return kExitClean;
    case ScanVerdict::Findings: return kExitFindings;
    case ScanVerdict::Error: return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace eph::cli
