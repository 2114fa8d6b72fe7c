// EPH403 unbounded-instances: Google Cloud Run / Cloud Functions and Azure Function Apps
// with no ceiling on their instance count.
#include <string>

#include "rule_api/rule.h"

namespace eph::rules {
namespace {

// "0" means "no limit" for these settings.
bool is_unlimited(const Value* v) {
  if (!v || v->is_null()) return true;
  if (v->kind == Kind::Number) return v->number <= 0;
  if (v->kind == Kind::String) return v->text == "0" || v->text.empty();
  return false;
}

class RuleEPH403 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Function& fn : ctx.model().functions) {
      if (fn.cloud == Cloud::Aws) continue;         // Lambda: EPH401
      if (fn.cloud == Cloud::Cloudflare) continue;  // Workers scale on Cloudflare's edge, with no instance setting
      const Value* max = fn.max_instances;
      if (max && max->is_unknown()) continue;
      if (!is_unlimited(max)) continue;
      bool written = max && !max->is_null() && max->where.valid();
      std::string setting = fn.cloud == Cloud::Gcp ? "a maximum instance count (max_instance_count / max_instances, "
                                                     "or the autoscaling.knative.dev/maxScale annotation)"
                                                   : "a scale-out limit (site_config.app_scale_limit or the "
                                                     "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT app setting; "
                                                     "maximum_instance_count on Flex Consumption)";
      ctx.report(written ? max->where : fn.resource->declaration,
                 std::string(fn.label) + " '" + fn.address() + "' has no instance ceiling" +
                     (written ? " (0 means unlimited)" : "") +
                     ": a burst scales it out until its downstreams fail. Set " + setting + ".",
                 fn.address());
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH403() { return std::make_unique<RuleEPH403>(); }

}  // namespace eph::rules
