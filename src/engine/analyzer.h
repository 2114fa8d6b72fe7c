#pragma once
// The engine: units in, ordered findings out. No file discovery and no output here;
// the CLI and the LSP server are thin layers over this.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/file_provider.h"
#include "core/finding.h"
#include "engine/config.h"
#include "engine/discovery.h"
#include "serverless/serverless_inputs.h"
#include "terraform/terraform_frontend.h"

namespace eph {

struct AnalysisOptions {
  Config config;
  // The configuration of each unit, by the unit's index (its nearest .ephemera.yaml, see
  // config_resolution.h); empty: `config` applies to every unit.
  std::vector<const Config*> unit_configs;
  terraform::TerraformInputs terraform;
  serverless::ServerlessInputs serverless;
  unsigned threads = 0;                        // 0: one per core
  const std::atomic<bool>* cancel = nullptr;   // set to stop early (Ctrl-C, a newer LSP edit)
  // Release each unit's files when it is analysed, keeping excerpts of the lines findings point
  // at (engine/unit_excerpts.h): what a scan's report reads. The editor keeps whole files (its
  // quick fixes edit around a finding).
  bool excerpt_files = false;
  // Write each unit's findings to a temporary file as it finishes (engine/finding_spill.h),
  // with excerpts of the files they point into (implies excerpt_files), instead of keeping
  // them: AnalysisResult::findings stays empty, read them with for_each_finding. A scan's
  // choice; the editor keeps them in memory.
  bool spill_findings = false;
};

struct SpilledFindings;

struct AnalysisResult {
  std::vector<Finding> findings;         // sorted: file, line, column, rule, message
  // The files findings and secrets point into (kept alive; excerpts with excerpt_files). With
  // spilled findings, only those secrets point into until materialise_findings reads the rest.
  std::vector<SourceFilePtr> files;
  std::vector<InputError> errors;        // unreadable input, a rule that failed
  // Every secret value the secret rules found, for the reports to mask: also those of
  // suppressed findings, findings below --severity and rules turned off (files kept alive).
  std::vector<SecretValue> secrets;
  std::vector<std::string> warnings;     // the run went on, but the user should know (a baseline that matched nothing)
  size_t files_analyzed = 0;             // distinct files read as units, and every file holding a finding
  size_t suppressed = 0;                 // of `findings` (not of spilled ones: for_each_finding counts them)
  bool cancelled = false;
  // With AnalysisOptions::spill_findings: the findings, out of memory, until read.
  std::shared_ptr<const SpilledFindings> spilled;
};

// Every finding of `result` in order (sorted, merged, named, fingerprinted), whether held in
// `findings` or spilled; a spilled finding lives only for the call.
void for_each_finding(const AnalysisResult& result, const std::function<void(const Finding&)>& visit);
// Whether any finding, in that order, satisfies `pred`: reads spilled findings only up to the
// first that does.
bool any_finding(const AnalysisResult& result, const std::function<bool(const Finding&)>& pred);
// Reads spilled findings into `findings` (and counts `suppressed`): what code that edits or
// indexes the findings (baselines, --only-file, the reports that group them) needs.
void materialise_findings(AnalysisResult& result);

// Loads one unit with the right front-end (exceptions become diagnostics). `unit_config` is
// the unit's own configuration (its serverless stage and env); null: options.config.
LoadedUnit load_unit(const UnitPlan& plan, const FileProvider& fs, const AnalysisOptions& options,
                     const Config* unit_config = nullptr);

// Runs every enabled rule on a loaded unit; appends to `findings` and `errors`, and to
// `secrets` (when given) every secret value found, whether or not its finding is kept.
void check_unit(const LoadedUnit& unit, const Config& config, std::vector<Finding>& findings,
                std::vector<InputError>& errors, std::vector<SecretValue>* secrets = nullptr);

// The whole pipeline over many units, in parallel; output is identical whatever the thread count.
AnalysisResult analyze(const std::vector<UnitPlan>& units, const FileProvider& fs, const AnalysisOptions& options);
// The same, taking the plans: each unit's file lists are released as it finishes (a large
// tree's plans name every file; the report needs none of them).
AnalysisResult analyze_releasing_plans(std::vector<UnitPlan>&& units, const FileProvider& fs,
                                      const AnalysisOptions& options);

// Sorts findings deterministically and merges those reached more than once at one place
// (a module analysed from several callers): the most severe stays, naming the others.
void order_findings(std::vector<Finding>& findings);

// A hash of rule, file, resource and the text at fault: stable when code moves up or down.
void assign_fingerprints(std::vector<Finding>& findings);
// The same hashes with each file's path mapped through `path_of` first (baselines hash paths
// relative to their own directory, so that they hold from any working directory).
std::vector<std::string> fingerprints_of(const std::vector<Finding>& findings,
                                         const std::function<std::string(std::string_view)>& path_of);

}  // namespace eph
