// EPH001 evaluation-limit: analysis was cut short by a safety limit (instance count,
// nesting depth, alias expansion, file size). The front-ends record which and where.
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

class RuleEPH001 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Diagnostic& d : ctx.model().diagnostics()) {
      if (d.kind == Diagnostic::Kind::LimitReached) ctx.report(d.range, d.message);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH001() { return std::make_unique<RuleEPH001>(); }

}  // namespace eph::rules
