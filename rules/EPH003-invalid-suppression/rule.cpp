// EPH003: a suppression that does not suppress because it is malformed (no reason, an
// unknown rule, a bad date) or has expired. The finding it meant to silence is reported
// again; this says why.
#include "rule_api/rule.h"
#include "rule_api/suppression.h"

namespace eph::rules {
namespace {

class InvalidSuppressionRule final : public Rule {
 public:
  bool runs_after_suppressions() const override { return true; }

  void check(RuleContext& ctx) const override {
    for (const Suppression& s : ctx.suppressions()) {
      std::string resource = s.resources.size() == 1 ? *s.resources.begin() : std::string();
      if (!s.problem.empty()) {
        ctx.report(s.where, "invalid suppression, ignored: " + s.problem, resource);
      } else if (s.expired) {
        std::string ids;
        for (const auto& id : s.rule_ids) ids += (ids.empty() ? "" : ", ") + id;
        ctx.report(s.where,
                   "suppression of " + ids + " expired on " + s.until +
                       " and no longer applies: fix the finding or renew the date with a reason",
                   resource);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH003() { return std::make_unique<InvalidSuppressionRule>(); }

}  // namespace eph::rules
