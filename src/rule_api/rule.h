#pragma once
// The interface every rule implements. Rules read the semantic model only: no
// tree-sitter, yaml-cpp or nlohmann headers, no Terraform or CloudFormation type names.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "model/model.h"
#include "rule_api/rule_options.h"
#include "rule_api/rule_settings.h"

namespace eph {

struct RuleInfo;
struct Suppression;

class RuleContext {
 public:
  RuleContext(const RuleInfo& info, const Model& model, const RuleSettings& settings, std::vector<Finding>& out)
      : info_(info), model_(model), settings_(settings), out_(out) {}

  const Model& model() const { return model_; }
  const RuleInfo& info() const { return info_; }

  // Records a finding with the rule's id and default severity; returns it to add
  // related locations, a fix, or a context-dependent severity.
  Finding& report(const Range& range, std::string message, std::string resource = {});

  // Rule options from the configuration, or the declared default. Reading an option the
  // rule does not declare (Rule::options) is a programming error: it throws.
  long long option_int(std::string_view name) const;
  std::vector<std::string> option_strings(std::string_view name) const;

  // The unit's suppressions after they were applied; set only for rules that
  // run after suppressions (EPH002, EPH003), empty for the others.
  const std::vector<Suppression>& suppressions() const;
  void set_suppressions(const std::vector<Suppression>* suppressions) { suppressions_ = suppressions; }

 private:
  const RuleInfo& info_;
  const Model& model_;
  const RuleSettings& settings_;
  std::vector<Finding>& out_;
  const std::vector<Suppression>* suppressions_ = nullptr;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual void check(RuleContext& ctx) const = 0;
  // Rules about suppressions themselves run after every other rule's findings were
  // matched against the unit's suppressions.
  virtual bool runs_after_suppressions() const { return false; }
  // Rules that report secret values (Finding::secrets) also run when they are turned off,
  // their findings discarded: reports still mask the values they would have found.
  virtual bool finds_secrets() const { return false; }
  // The options the rule reads, declared once (name, type, default, meaning).
  virtual RuleOptions options() const { return {}; }
};

}  // namespace eph
