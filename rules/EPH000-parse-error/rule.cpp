// EPH000: a file that cannot be read or parsed. The front-ends record where and why;
// this rule turns those diagnostics into findings so they are filtered, suppressed and
// reported like every other finding.
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

class ParseErrorRule final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Diagnostic& d : ctx.model().diagnostics()) {
      if (d.kind == Diagnostic::Kind::ParseError) ctx.report(d.range, d.message);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH000() { return std::make_unique<ParseErrorRule>(); }

}  // namespace eph::rules
