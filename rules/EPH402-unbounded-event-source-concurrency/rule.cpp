// EPH402 unbounded-event-source-concurrency: an SQS event source that may start as many
// concurrent invocations as the queue holds messages, into a function with no ceiling.
#include <string>

#include "rule_api/rule.h"

namespace eph::rules {
namespace {

bool has_ceiling(const Value* reserved) {
  if (!reserved) return false;
  if (reserved->is_unknown()) return true;  // not knowable: assume the best, stay silent
  return !(reserved->kind == Kind::Number && reserved->number == -1);
}

class RuleEPH402 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Function& fn : ctx.model().functions) {
      if (has_ceiling(fn.reserved_concurrency)) continue;
      for (const Inbound& t : fn.inbound) {
        // Bursting: no maximum concurrency, and the mapping is not disabled.
        if (t.kind != InboundKind::Queue || t.service != "sqs" || t.burst != Burst::Bursting) continue;
        Finding& f = ctx.report(
            t.range,
            "SQS event source for " + std::string(fn.label) + " '" + fn.address() +
                "' has no maximum concurrency and the function no reserved concurrency: a backlog starts as many "
                "concurrent invocations as the account allows. Set the mapping's maximum concurrency "
                "(scaling_config.maximum_concurrency / ScalingConfig.MaximumConcurrency) or reserve concurrency.",
            fn.address());
        f.related.push_back({fn.resource->declaration, "the function it invokes"});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH402() { return std::make_unique<RuleEPH402>(); }

}  // namespace eph::rules
