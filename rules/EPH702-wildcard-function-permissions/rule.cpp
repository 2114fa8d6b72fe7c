// EPH702 wildcard-function-permissions: a function's execution role that grants every
// action (of all services, or of one) on every resource.
#include <map>

#include "engine/rule.h"
#include "model/value_paths.h"

namespace eph::rules {
namespace {

// AWS managed policies that grant (nearly) everything.
constexpr std::string_view kBroadManagedPolicies[] = {":policy/AdministratorAccess", ":policy/PowerUserAccess"};

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// "*", "*:*" or "service:*".
const Value* wildcard_action(const PolicyStatement& st) {
  for (const Value* a : st.actions) {
    std::string_view text = string_of(a);
    if (text == "*" || (text.size() > 2 && ends_with(text, ":*") && text.find('*') == text.size() - 1) || text == "*:*")
      return a;
  }
  return nullptr;
}

bool on_every_resource(const PolicyStatement& st) {
  for (const Value* r : st.resources)
    if (string_of(r) == "*") return true;
  return false;
}

bool broad_managed_policy(std::string_view arn) {
  if (arn.substr(0, 4) != "arn:" || arn.find(":iam::aws:policy/") == std::string_view::npos) return false;
  for (std::string_view name : kBroadManagedPolicies)
    if (ends_with(arn, name)) return true;
  return false;
}

class RuleEPH702 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    // A role shared by several functions: one finding per statement, naming every function.
    std::map<const void*, Grant> grants;
    std::vector<const void*> order;
    auto add = [&](const void* key, Range range, std::string what, const Function& fn) {
      auto [it, fresh] = grants.try_emplace(key);
      if (fresh) {
        order.push_back(key);
        it->second.range = range;
        it->second.what = std::move(what);
      }
      it->second.functions.push_back(&fn);
    };
    for (const Function& fn : ctx.model().functions) {
      for (const Policy* p : fn.policies) {
        for (const auto& st : p->statements) {
          if (!st.allows() || st.not_action || st.not_resource) continue;
          const Value* action = wildcard_action(st);
          if (!action || !on_every_resource(st)) continue;
          add(&st, st.range.valid() ? st.range : p->range,
              "grants \"" + action->text + "\" on every resource (\"*\") in " + p->subject + " " + p->owner->address, fn);
        }
      }
      for (const Value* arn : fn.managed_policy_arns) {
        if (!arn->is_string() || !broad_managed_policy(arn->text)) continue;
        add(arn, arn->where, "attaches " + arn->text.substr(arn->text.rfind('/') + 1) + " (" + arn->text + ")", fn);
      }
    }
    for (const void* key : order) {
      const Grant& g = grants[key];
      const Function& first = *g.functions.front();
      std::string names = first.address();
      for (size_t i = 1; i < g.functions.size(); ++i) names += ", " + g.functions[i]->address();
      Finding& f = ctx.report(g.range,
                              "The execution role of " + names + " " + g.what +
                                  ": a bug or injected code in the function can do anything the service allows; grant only "
                                  "the actions and resources the function uses",
                              first.address());
      for (const Function* fn : g.functions) f.related.push_back(RelatedLocation{fn->resource->declaration, "function " + fn->address()});
    }
  }

 private:
  struct Grant {
    Range range;
    std::string what;
    std::vector<const Function*> functions;
  };
};

}  // namespace

std::unique_ptr<Rule> make_EPH702() { return std::make_unique<RuleEPH702>(); }

}  // namespace eph::rules
