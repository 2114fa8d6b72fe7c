// EPH101 ip-allowlist-trust: a policy that lets anyone in as long as they call from the
// right address. Read per policy, because the allow-list is often written as a Deny for
// every other address next to an open Allow (that is how SAM writes IpRangeWhitelist).
// Also the allow-lists outside policies (allow_lists.cpp).
#include "allow_lists.h"
#include "model/policy_conditions.h"
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

bool known_effect(const PolicyStatement& st, std::string_view effect) {
  return st.effect && st.effect->is_string() && st.effect->text == effect;
}

bool has_identity_condition(const PolicyStatement& st) {
  for (const auto& c : st.conditions)
    if (is_identity_condition(c)) return true;
  return false;
}

const PolicyCondition* first_ip_condition(const PolicyStatement& st, bool negated_only) {
  for (const auto& c : st.conditions)
    if (is_ip_condition(c) && (!negated_only || is_negated_ip_condition(c))) return &c;
  return nullptr;
}

// An Allow for anyone whose own conditions say nothing about who the caller is.
bool open_allow(const PolicyStatement& st) {
  return st.allows() && has_broad_principal(st) && !st.conditions_unknown && !has_identity_condition(st);
}

// The policy ties callers to an identity somewhere (a Deny unless the caller is in the
// organisation, comes through our VPC endpoint...), or a part that could do so is unknown.
bool gated_or_unknown(const Policy& policy) {
  for (const auto& st : policy.statements) {
    if (!st.effect || st.effect->is_unknown()) return true;
    if (known_effect(st, "Deny") && (st.conditions_unknown || has_identity_condition(st))) return true;
  }
  return false;
}

class RuleEPH101 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    check_allow_lists(ctx);
    for (const Policy& policy : ctx.model().policies) {
      if (gated_or_unknown(policy)) continue;
      bool reported = false;
      bool has_open_allow = false;
      for (const auto& st : policy.statements) {
        if (!open_allow(st)) continue;
        has_open_allow = true;
        if (const PolicyCondition* c = first_ip_condition(st, false)) {
          report(ctx, policy, st, *c);
          reported = true;
        }
      }
      if (reported || !has_open_allow) continue;
      // Allow "*" unconditionally, Deny "*" from outside the listed addresses.
      for (const auto& st : policy.statements) {
        if (!known_effect(st, "Deny") || !has_broad_principal(st)) continue;
        if (const PolicyCondition* c = first_ip_condition(st, true)) report(ctx, policy, st, *c);
      }
    }
    for (const AllowListEntry& e : ctx.model().allow_list_entries) {
      if (e.address_only) report_address_only(ctx, e);
      if (e.egress_of) report_function_egress(ctx, e);
    }
  }

 private:
  static void report(RuleContext& ctx, const Policy& policy, const PolicyStatement& st, const PolicyCondition& c) {
    const std::string& owner = policy.owner->address;
    Finding& f = ctx.report(c.range,
                            policy.subject + " policy of " + owner + " admits any principal (\"*\") and restricts it only by " +
                                c.key + ": an address is not an identity (shared NAT, VPN and cloud egress addresses pass); "
                                "name the principals or add an identity/origin condition such as aws:PrincipalOrgID or aws:SourceVpce",
                            owner);
    if (st.range.valid()) f.related.push_back(RelatedLocation{st.range, "the statement"});
  }

  // The address is the whole check, whatever it is: the finding stands on an unknown value too.
  static void report_address_only(RuleContext& ctx, const AllowListEntry& e) {
    const std::string& owner = e.resource->address;
    std::string address = e.address && e.address->is_string() ? e.address->text + " " : "";
    Range at = e.address && e.address->where.valid() ? e.address->where : e.resource->declaration;
    ctx.report(at,
               e.subject + " " + owner + " lets callers from " + address +
                   "in by their address alone: an address is not an identity (shared NAT, VPN and cloud egress "
                   "addresses pass); " + e.fix,
               owner);
  }

  static void report_function_egress(RuleContext& ctx, const AllowListEntry& e) {
    const std::string& owner = e.resource->address;
    const Function& fn = *e.egress_of;
    Range at = e.address && e.address->where.valid() ? e.address->where : e.resource->declaration;
    Finding& f = ctx.report(at,
                            owner + " admits the outbound addresses of " + std::string(fn.label) + " " + fn.address() +
                                " in its " + e.subject + ": they are shared with other tenants of the platform and change; " +
                                e.fix,
                            owner);
    f.related.push_back(RelatedLocation{fn.resource->declaration, "the function whose outbound addresses are trusted"});
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH101() { return std::make_unique<RuleEPH101>(); }

}  // namespace eph::rules
