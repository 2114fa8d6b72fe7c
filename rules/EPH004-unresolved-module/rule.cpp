// EPH004 unresolved-module: a local module call whose source directory is missing, or a
// module cycle. The Terraform front-end records it at the call's source and leaves the
// module's outputs unknown; the rest of the unit is analysed as usual.
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

class UnresolvedModuleRule final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Diagnostic& d : ctx.model().diagnostics()) {
      if (d.kind == Diagnostic::Kind::UnresolvedModule) ctx.report(d.range, d.message);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH004() { return std::make_unique<UnresolvedModuleRule>(); }

}  // namespace eph::rules
