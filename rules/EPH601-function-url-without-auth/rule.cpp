// EPH601 function-url-without-auth: a Lambda function URL that anyone can call.
#include "engine/rule.h"

namespace eph::rules {
namespace {

class RuleEPH601 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Function& fn : ctx.model().functions) {
      for (const FunctionUrl& url : fn.urls) {
        // A URL without an auth type is not deployable (the attribute is required): nothing to say.
        if (!url.auth_type || !url.auth_type->is_string() || url.auth_type->text != "NONE") continue;
        const std::string& resource = url.resource->address;
        std::string subject = resource == fn.address() ? "The function URL of " + fn.address()
                                                       : "Function URL " + resource + " of " + fn.address();
        Finding& f = ctx.report(url.auth_type->where,
                                subject + " has authorization type NONE: anyone on the internet can invoke the function; "
                                          "use AWS_IAM and sign requests, or front it with an authorizing API",
                                resource);
        if (resource != fn.address()) f.related.push_back(RelatedLocation{fn.resource->declaration, "the function"});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH601() { return std::make_unique<RuleEPH601>(); }

}  // namespace eph::rules
