#include "engine/analyzer.h"
#include "engine/plan_and_source_overlap.h"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <filesystem>
#include <set>

#include "core/message_shape.h"
#include "core/parallel_for.h"
#include "core/path_key.h"
#include "core/path_confinement.h"
#include "engine/finding_spill.h"
#include "engine/shown_names.h"
#include "engine/suppressions.h"
#include "engine/unit_excerpts.h"
#include "engine/utf8_validation.h"
#include "formats/registry.h"
#include "model/endpoint_fix.h"
#include "model/model.h"
#include "registry/rule_registry.h"

namespace eph {
namespace {

LoadedUnit rejected_unit(const UnitPlan& plan, const FileProvider& fs) {
  LoadedUnit unit;
  unit.name = plan.root;
  // A file refused for its bytes (a NUL, a non-UTF-8 sequence) is reported at the first such byte.
  std::optional<std::string> text =
      plan.reject_kind == Diagnostic::Kind::ParseError ? fs.read(plan.root) : std::nullopt;
  size_t at = 0;
  if (text) {
    size_t nul = text->find('\0');
    std::optional<size_t> bad = nul != std::string::npos ? std::optional<size_t>(nul) : first_invalid_utf8(*text);
    if (bad) at = *bad;
  }
  auto file = std::make_shared<SourceFile>(plan.root, at ? std::move(*text) : std::string());
  unit.files.push_back(file);
  auto begin = static_cast<uint32_t>(at);
  unit.diagnostics.push_back(Diagnostic{plan.reject_kind, Range{file.get(), begin, at ? begin + 1 : 0}, plan.reject_reason});
  return unit;
}

struct UnitOutput {
  std::vector<Finding> findings;
  std::vector<SecretValue> secrets;
  std::vector<SourceFilePtr> files;
  std::vector<InputError> errors;
  std::vector<std::string> files_analyzed;  // the unit's own files and every file holding a finding
  std::shared_ptr<const std::vector<ShownName>> shown_names;  // for the findings in the unit's files
  std::optional<FindingSpill::NamesRecord> spilled_names;     // the same, written to the spill
};

UnitOutput run_unit(const UnitPlan& plan, const Config& config, const FileProvider& fs, const AnalysisOptions& options) {
  UnitOutput out;
  LoadedUnit unit = load_unit(plan, fs, options, &config);
  check_unit(unit, config, out.findings, out.errors, &out.secrets);
  // Keep only the files that findings (or secrets to mask) point into, or only what reports read
  // of them: excerpts of those lines. The unit itself (trees, values) goes when this returns.
  if (options.excerpt_files || options.spill_findings) {  // spilled findings are written with excerpts
    out.files = excerpt_unit_files(unit.files, out.findings, out.secrets);
  } else {
    std::set<const SourceFile*> used;
    for (const auto& f : out.findings) {
      used.insert(f.range.file);
      for (const auto& r : f.related) used.insert(r.range.file);
    }
    for (const auto& s : out.secrets) used.insert(s.where.file);
    for (const auto& file : unit.files)
      if (used.count(file.get())) out.files.push_back(file);
  }
  // A finding in a .tfvars file or a called module's file is in a file that was analysed too.
  out.files_analyzed = plan.files;
  for (const auto& f : out.findings)
    if (f.range.file) out.files_analyzed.push_back(f.range.file->path());
  // The names are applied to findings in the files kept: a unit that keeps none needs none.
  if (!unit.shown_names.empty() && !out.files.empty())
    out.shown_names = std::make_shared<const std::vector<ShownName>>(std::move(unit.shown_names));
  return out;
}

uint64_t fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

LoadedUnit load_unit(const UnitPlan& plan, const FileProvider& fs, const AnalysisOptions& options,
                     const Config* unit_config) {
  try {
    if (plan.rejected()) return rejected_unit(plan, fs);
    // The unit's .ephemera.yaml gives the serverless stage and env, under what the command line gives.
    const Config& config = unit_config ? *unit_config : options.config;
    serverless::ServerlessInputs serverless = options.serverless;
    if (!serverless.stage) serverless.stage = config.serverless_stage;
    serverless.env.insert(serverless.env.begin(), config.serverless_env.begin(), config.serverless_env.end());
    return plan.format->load(plan, fs, SourceInputs{options.terraform, serverless});
  } catch (const std::exception& e) {
    UnitPlan failed = plan;
    failed.reject_kind = Diagnostic::Kind::ParseError;
    failed.reject_reason = std::string("internal error while loading: ") + e.what();
    return rejected_unit(failed, fs);
  }
  return rejected_unit(plan, fs);
}

void check_unit(const LoadedUnit& unit, const Config& config, std::vector<Finding>& findings,
                std::vector<InputError>& errors, std::vector<SecretValue>* secrets) {
  Model model;
  try {
    const SourceFormat* format = format_named(unit.format);
    model = build_model(unit, format ? format->endpoint_fix_writer() : nullptr);
  } catch (const std::exception& e) {
    errors.push_back({unit.name, std::string("internal error while building the model: ") + e.what()});
    model = Model{};
    model.unit = &unit;
  }
  size_t unit_first = findings.size();
  auto run_rule = [&](const RuleEntry& entry, const std::vector<Suppression>* suppressions) {
    const RuleSettings& settings = config.settings(entry.info->id);
    if (!settings.enabled) {
      if (secrets && entry.rule->finds_secrets()) {
        std::vector<Finding> discarded;
        RuleContext ctx(*entry.info, model, settings, discarded);
        try {
          entry.rule->check(ctx);
        } catch (const std::exception&) {
          // A rule turned off reports nothing, not even its failure.
        }
        for (const auto& f : discarded) secrets->insert(secrets->end(), f.secrets.begin(), f.secrets.end());
      }
      return;
    }
    size_t first = findings.size();
    RuleContext ctx(*entry.info, model, settings, findings);
    ctx.set_suppressions(suppressions);
    try {
      entry.rule->check(ctx);
    } catch (const std::exception& e) {
      // One rule failing on one input must not hide the other rules' findings.
      findings.resize(first);
      errors.push_back({unit.name, "rule " + entry.info->id + " failed on this input: " + e.what()});
      return;
    }
    if (settings.severity) {
      for (size_t i = first; i < findings.size(); ++i) findings[i].severity = *settings.severity;
    }
  };
  for (const auto& entry : all_rules())
    if (!entry.rule->runs_after_suppressions()) run_rule(entry, nullptr);
  // Suppressions are matched while the unit's files are alive, before the severity filter,
  // so that a suppression of a finding below --severity is not reported as unused.
  std::vector<Suppression> suppressions =
      collect_suppressions(unit, SuppressionOptions{config.foreign_suppressions, config.today});
  apply_suppressions(suppressions, findings, unit_first);
  // A suppression of rules that did not run (turned off, --skip-rule) matched nothing for a
  // reason: it is not unused.
  std::erase_if(suppressions, [&](const Suppression& s) {
    return s.active() && !s.rule_ids.empty() && std::none_of(s.rule_ids.begin(), s.rule_ids.end(), [&](const std::string& id) {
             return config.settings(id).enabled;
           });
  });
  for (const auto& entry : all_rules())
    if (entry.rule->runs_after_suppressions()) run_rule(entry, &suppressions);
  if (secrets) {
    for (size_t i = unit_first; i < findings.size(); ++i)
      secrets->insert(secrets->end(), findings[i].secrets.begin(), findings[i].secrets.end());
  }
  if (config.min_severity) {
    std::erase_if(findings, [&](const Finding& f) { return f.severity < *config.min_severity; });
  }
}

// Findings at one place that differ only in which resource reached them are one finding; a
// different message (another service, another secret) at the same place is another finding.
static std::string message_shape(const Finding& f) { return message_shape(f.message, f.resource); }

void order_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    const std::string empty;
    const std::string& pa = a.range.file ? a.range.file->path() : empty;
    const std::string& pb = b.range.file ? b.range.file->path() : empty;
    if (pa != pb) return pa < pb;
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    if (a.range.end != b.range.end) return a.range.end < b.range.end;
    if (a.rule_id != b.rule_id) return a.rule_id < b.rule_id;
    if (a.message == b.message) return false;
    std::string sa = message_shape(a), sb = message_shape(b);
    return sa != sb ? sa < sb : a.message < b.message;
  });
  // The same finding reached more than once (a module called from several roots, several
  // instances of one block) is reported once: the most severe, naming the other resources.
  auto same_place = [](const Finding& a, const Finding& b) {
    bool same_file = a.range.file == b.range.file ||
                     (a.range.file && b.range.file && a.range.file->path() == b.range.file->path());
    return same_file && a.range.begin == b.range.begin && a.range.end == b.range.end && a.rule_id == b.rule_id &&
           (a.message == b.message || message_shape(a) == message_shape(b));
  };
  std::vector<Finding> merged;
  merged.reserve(findings.size());
  for (size_t i = 0; i < findings.size();) {
    size_t j = i + 1;
    while (j < findings.size() && same_place(findings[i], findings[j])) ++j;
    size_t keep = i;
    bool any_active = false;
    for (size_t k = i; k < j; ++k) {
      if (findings[k].severity > findings[keep].severity) keep = k;
      any_active = any_active || !findings[k].suppressed;
    }
    Finding f = std::move(findings[keep]);
    std::vector<std::string> others;
    for (size_t k = i; k < j; ++k) {
      if (k == keep || findings[k].resource.empty() || findings[k].resource == f.resource) continue;
      if (std::find(others.begin(), others.end(), findings[k].resource) == others.end())
        others.push_back(findings[k].resource);
    }
    if (!others.empty()) {
      f.message += " (also reported for " + std::to_string(others.size()) + " other resource" +
                   (others.size() == 1 ? "" : "s") + ": ";
      for (size_t k = 0; k < others.size() && k < 3; ++k) f.message += (k ? ", " : "") + others[k];
      f.message += others.size() > 3 ? ", ...)" : ")";
    }
    if (any_active && f.suppressed) {
      f.suppressed = false;
      f.suppression.clear();
    }
    merged.push_back(std::move(f));
    i = j;
  }
  findings = std::move(merged);
}

namespace {

// The fingerprint of the next finding in order; `seen` counts the hashes given so far.
std::string next_fingerprint(const Finding& f, const std::function<std::string(std::string_view)>& path_of,
                             std::map<uint64_t, int>& seen) {
  uint64_t h = fnv1a(f.rule_id);
  h = fnv1a(path_of(f.range.file ? std::string_view(f.range.file->path()) : std::string_view()), h);
  h = fnv1a(f.resource, h);
  h = fnv1a(collapse_space(f.range.text()), h);
  int n = seen[h]++;  // identical text twice in one file: tell them apart by order
  h = fnv1a(std::to_string(n), h);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// `./a.tf` and `a.tf` are the same file: a baseline written from one survives the other.
std::string as_given(std::string_view path) {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return std::string(path);
}

}  // namespace

std::vector<std::string> fingerprints_of(const std::vector<Finding>& findings,
                                         const std::function<std::string(std::string_view)>& path_of) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  std::map<uint64_t, int> seen;
  for (const auto& f : findings) out.push_back(next_fingerprint(f, path_of, seen));
  return out;
}

void assign_fingerprints(std::vector<Finding>& findings) {
  std::vector<std::string> fingerprints = fingerprints_of(findings, as_given);
  for (size_t i = 0; i < findings.size(); ++i) findings[i].fingerprint = std::move(fingerprints[i]);
}

namespace {

// Frees a vector's buffer too: `v = {}` assigns an empty list and keeps the capacity (a unit's
// findings buffer, held to the end of the scan by every unit that leaves excerpts).
template <typename T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

// Writes a unit's findings to the spill with the excerpts they point into and the record of
// its names. What stays of its files is what its secrets point into: the reports mask them
// from memory, and they are few.
void spill_unit(FindingSpill& spill, size_t unit, UnitOutput& out) {
  spill.add(unit, out.findings, out.files, out.spilled_names);
  release(out.findings);
  out.spilled_names.reset();
  std::set<const SourceFile*> secret_files;
  for (const auto& s : out.secrets) secret_files.insert(s.where.file);
  std::erase_if(out.files, [&](const SourceFilePtr& file) { return !secret_files.count(file.get()); });
  if (out.files.empty()) release(out.files);
}

bool holds_nothing(const UnitOutput& out) {
  return out.findings.empty() && out.secrets.empty() && out.files.empty() && out.errors.empty() && !out.shown_names &&
         !out.spilled_names;
}

// A file analysed, counted by the key of its normalised path (16 bytes a file of a large tree).
PathKey path_key(const std::string& path) { return path_key_of(std::filesystem::path(path).lexically_normal().string()); }

}  // namespace

namespace {

// The plans an analysis reads, by unit index: the caller's, or its own, each of which goes
// once its unit is done and nothing reads it again (a large tree's plans, their roots and
// file lists, are tens of MiB held to the end otherwise).
class UnitPlans {
 public:
  explicit UnitPlans(const std::vector<UnitPlan>& shared) : shared_(&shared) {}
  explicit UnitPlans(std::vector<UnitPlan>&& owned) {
    owned_.reserve(owned.size());
    for (auto& plan : owned) owned_.push_back(std::make_unique<UnitPlan>(std::move(plan)));
    std::vector<UnitPlan>().swap(owned);
  }
  size_t size() const { return shared_ ? shared_->size() : owned_.size(); }
  const UnitPlan& operator[](size_t i) const { return shared_ ? (*shared_)[i] : *owned_[i]; }
  bool releases() const { return !shared_; }
  const std::vector<UnitPlan>* shared() const { return shared_; }
  // Unit `i` is done: its plan goes, or only its file lists when `keep_plan` (what stays,
  // the root, format and flags, is what comparing plans with their configuration needs).
  // Safe from several threads for different units.
  void release(size_t i, bool keep_plan) {
    if (shared_) return;
    if (!keep_plan) {
      owned_[i].reset();
      return;
    }
    std::vector<std::string>().swap(owned_[i]->files);
    std::vector<std::string>().swap(owned_[i]->module_dirs);
    std::vector<std::string>().swap(owned_[i]->included_files);
  }
  // The plans of its own still held (comparing plans with their configuration reads only
  // units whose findings stayed in memory).
  template <typename Each>
  void for_each_held(Each each) const {
    for (size_t i = 0; i < owned_.size(); ++i)
      if (owned_[i]) each(i, *owned_[i]);
  }

 private:
  const std::vector<UnitPlan>* shared_ = nullptr;
  std::vector<std::unique_ptr<UnitPlan>> owned_;
};

// Directories holding a plan JSON beside their configuration: their units' findings stay in
// memory until every unit is done (drop_plan_findings_reported_in_source compares them).
std::set<std::string> directories_with_companions(const UnitPlans& units) {
  std::set<std::string> dirs;
  for (size_t i = 0; i < units.size(); ++i)
    if (units[i].companion_of_directory)
      dirs.insert(std::filesystem::path(normalize_path(units[i].root)).parent_path().string());
  return dirs;
}

AnalysisResult analyze_units(UnitPlans& units, const FileProvider& fs, const AnalysisOptions& options) {
  AnalysisResult result;
  std::shared_ptr<SpilledFindings> spilled = options.spill_findings ? std::make_shared<SpilledFindings>() : nullptr;
  const std::set<std::string> companion_dirs = spilled ? directories_with_companions(units) : std::set<std::string>();
  // What a unit leaves for the report, by unit index: only units that left something (a
  // large tree has many units without findings).
  std::map<size_t, UnitOutput> outputs;
  std::vector<PathKey> files_analyzed;  // of each unit, counted once at the end
  std::mutex outputs_mutex;
  parallel_for(units.size(), options.threads, 1, [&](size_t i) {
    if (options.cancel && options.cancel->load()) return false;
    const Config& config = i < options.unit_configs.size() ? *options.unit_configs[i] : options.config;
    UnitOutput out = run_unit(units[i], config, fs, options);
    bool compared_later = units[i].companion_of_directory ||
                          (!companion_dirs.empty() && companion_dirs.count(normalize_path(units[i].root)));
    if (spilled && out.shown_names) {
      out.spilled_names = spilled->spill.add_names(*out.shown_names);
      out.shown_names.reset();
    }
    if (spilled && !compared_later) spill_unit(spilled->spill, i, out);
    // A unit whose findings stay in memory keeps its plan for the comparison at the end.
    units.release(i, compared_later || !spilled);
    std::vector<PathKey> analyzed;
    analyzed.reserve(out.files_analyzed.size());
    for (const auto& path : out.files_analyzed) analyzed.push_back(path_key(path));
    std::sort(analyzed.begin(), analyzed.end());
    analyzed.erase(std::unique(analyzed.begin(), analyzed.end()), analyzed.end());
    release(out.files_analyzed);
    std::lock_guard lock(outputs_mutex);
    files_analyzed.insert(files_analyzed.end(), analyzed.begin(), analyzed.end());
    if (!holds_nothing(out)) outputs.emplace(i, std::move(out));
    return true;
  });
  result.cancelled = options.cancel && options.cancel->load();
  std::vector<Finding> none;
  if (units.releases()) {
    // The plans left (units whose findings stayed in memory), copied without their file lists.
    std::vector<UnitPlan> held;
    std::vector<std::vector<Finding>*> findings_of_held;
    units.for_each_held([&](size_t i, const UnitPlan& plan) {
      held.push_back(UnitPlan{plan.format, plan.root, {}, plan.reject_kind, plan.reject_reason, {}, {},
                              plan.companion_of_directory});
      auto it = outputs.find(i);
      findings_of_held.push_back(it != outputs.end() ? &it->second.findings : &none);
    });
    drop_plan_findings_reported_in_source(held, findings_of_held);
  } else {
    std::vector<std::vector<Finding>*> findings_of_unit(units.size(), &none);
    for (auto& [i, out] : outputs) findings_of_unit[i] = &out.findings;
    drop_plan_findings_reported_in_source(*units.shared(), findings_of_unit);
  }
  std::map<const SourceFile*, std::shared_ptr<const std::vector<ShownName>>> shown_names;
  for (auto& [i, out] : outputs) {
    if (out.shown_names)
      for (const auto& file : out.files) shown_names[file.get()] = out.shown_names;
    if (spilled) {
      spill_unit(spilled->spill, i, out);  // a unit compared above; the others are spilled already
    } else {
      for (auto& f : out.findings) result.findings.push_back(std::move(f));
    }
    for (auto& s : out.secrets) result.secrets.push_back(std::move(s));
    for (auto& file : out.files) result.files.push_back(std::move(file));
    for (auto& e : out.errors) result.errors.push_back(std::move(e));
  }
  std::sort(files_analyzed.begin(), files_analyzed.end());
  result.files_analyzed = static_cast<size_t>(std::unique(files_analyzed.begin(), files_analyzed.end()) - files_analyzed.begin());
  release(files_analyzed);
  if (spilled) {
    spilled->spill.seal();
    result.spilled = std::move(spilled);
    return result;
  }
  order_findings(result.findings);
  // After merging: findings told apart by their generated ids merge first, then speak the user's words.
  for (auto& f : result.findings)
    if (auto it = shown_names.find(f.range.file); it != shown_names.end()) apply_shown_names(f, *it->second);
  assign_fingerprints(result.findings);
  for (const auto& f : result.findings) result.suppressed += f.suppressed ? 1 : 0;
  return result;
}

}  // namespace

AnalysisResult analyze(const std::vector<UnitPlan>& units, const FileProvider& fs, const AnalysisOptions& options) {
  UnitPlans plans(units);
  return analyze_units(plans, fs, options);
}

AnalysisResult analyze_releasing_plans(std::vector<UnitPlan>&& units, const FileProvider& fs, const AnalysisOptions& options) {
  UnitPlans plans(std::move(units));
  return analyze_units(plans, fs, options);
}

namespace {

// Every finding in order until `visit` returns false. The excerpts spilled findings point
// into live for the call, or as long as `keep_alive` (which each is added to).
void visit_findings(const AnalysisResult& result, const std::function<bool(const Finding&)>& visit,
                    std::vector<SourceFilePtr>* keep_alive = nullptr) {
  if (!result.spilled) {
    for (const auto& f : result.findings)
      if (!visit(f)) return;
    return;
  }
  // As analyze() orders them in memory, a place at a time: a place's findings merge, take
  // the user's names, then their fingerprints in order.
  const SpilledFindings& spilled = *result.spilled;
  std::map<uint64_t, int> seen;
  // The names of the unit read last: places come in path order, a file's together.
  std::optional<uint64_t> names_read;
  std::vector<ShownName> names;
  spilled.spill.for_each_place(
      [&](std::vector<Finding>& place, const FindingSpill::PlaceNames& names_of) {
        order_findings(place);
        for (auto& f : place) {
          if (auto it = names_of.find(f.range.file); it != names_of.end()) {
            if (names_read != it->second.offset) {
              names = spilled.spill.names_at(it->second);
              names_read = it->second.offset;
            }
            apply_shown_names(f, names);
          }
          f.fingerprint = next_fingerprint(f, as_given, seen);
          if (!visit(f)) return false;
        }
        return true;
      },
      keep_alive);
}

}  // namespace

void for_each_finding(const AnalysisResult& result, const std::function<void(const Finding&)>& visit) {
  visit_findings(result, [&](const Finding& f) {
    visit(f);
    return true;
  });
}

bool any_finding(const AnalysisResult& result, const std::function<bool(const Finding&)>& pred) {
  bool found = false;
  visit_findings(result, [&](const Finding& f) { return !(found = pred(f)); });
  return found;
}

void materialise_findings(AnalysisResult& result) {
  if (!result.spilled) return;
  std::vector<Finding> findings;
  findings.reserve(result.spilled->spill.size());
  size_t suppressed = 0;
  // The findings outlive the reading: so do the excerpts they point into.
  visit_findings(
      result,
      [&](const Finding& f) {
        findings.push_back(f);
        suppressed += f.suppressed ? 1 : 0;
        return true;
      },
      &result.files);
  result.findings = std::move(findings);
  result.suppressed = suppressed;
  result.spilled.reset();
}

}  // namespace eph
