// EPH002: an ephemera suppression that silenced nothing. Stale suppressions hide the
// next real finding on that line, so they are reported (ruff's unused-noqa does the same).
// Other scanners' skips are not reported: they may still be used by that scanner.
#include "rule_api/rule.h"
#include "rule_api/suppression.h"

namespace eph::rules {
namespace {

class UnusedSuppressionRule final : public Rule {
 public:
  bool runs_after_suppressions() const override { return true; }

  void check(RuleContext& ctx) const override {
    for (const Suppression& s : ctx.suppressions()) {
      if (s.foreign() || !s.active() || s.matched > 0) continue;
      std::string ids;
      for (const auto& id : s.rule_ids) ids += (ids.empty() ? "" : ", ") + id;
      ctx.report(s.where, "unused suppression: no " + ids + " finding here to suppress; remove it",
                 s.resources.size() == 1 ? *s.resources.begin() : std::string());
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH002() { return std::make_unique<UnusedSuppressionRule>(); }

}  // namespace eph::rules
