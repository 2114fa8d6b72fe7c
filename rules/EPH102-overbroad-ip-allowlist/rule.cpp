// EPH102 overbroad-ip-allowlist: an allow-list entry so wide it admits addresses of shared
// cloud egress pools. Reads policy address conditions, WAF IP sets, firewall ingress and the
// other allow-lists (Cloud Armor, VPC Service Controls, bucket IP filters, SQL authorized networks).
#include "model/cidr.h"
#include "model/policy_conditions.h"
#include "model/value_paths.h"
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.name = "ipv4-min-prefix", .type = OptionType::Integer,
     .meaning = "IPv4 entries with a shorter prefix are flagged", .default_integer = 16, .minimum = 0, .maximum = 32},
    {.name = "ipv6-min-prefix", .type = OptionType::Integer,
     .meaning = "IPv6 entries with a shorter prefix are flagged", .default_integer = 32, .minimum = 0, .maximum = 128},
};

class RuleEPH102 final : public Rule {
 public:
  RuleOptions options() const override { return kOptions; }

  void check(RuleContext& ctx) const override {
    Limits limits{static_cast<int>(ctx.option_int("ipv4-min-prefix")), static_cast<int>(ctx.option_int("ipv6-min-prefix"))};
    const Model& model = ctx.model();
    for (const Policy& policy : model.policies) {
      for (const auto& st : policy.statements) {
        for (const auto& c : st.conditions) {
          if (!is_ip_allow_list(st, c)) continue;
          for (const Value* v : c.values)
            check_entry(ctx, limits, v, false, "the " + c.key + " allow-list of the " + policy.subject + " policy",
                        policy.owner->address);
        }
      }
    }
    for (const IpSetEntry& e : model.ip_set_entries)
      if (!e.block_only) check_entry(ctx, limits, e.cidr, false, "WAF IP set", e.resource->address);
    for (const CidrRule& r : model.cidr_rules) {
      if (r.direction != Direction::Ingress || !r.allows()) continue;
      // 0.0.0.0/0 in a security group is EPH103's; in a network ACL it is the usual
      // "security groups do the filtering" posture, not an allow-list.
      check_entry(ctx, limits, r.cidr, true, std::string(to_string(r.firewall)) + " ingress", r.resource->address);
    }
    for (const AllowListEntry& e : model.allow_list_entries) {
      if (!e.shared_pool.empty()) report_shared_pool(ctx, e);
      else if (e.egress_of) continue;  // EPH101's: what it refers to matters more than its width
      else if (e.range_end) check_range(ctx, limits, e);
      else check_entry(ctx, limits, e.address, false, "the " + e.subject, e.resource->address);
    }
  }

 private:
  struct Limits {
    int v4, v6;
  };

  // Decided by what the entry refers to or names, so an unknown value is reported too.
  static void report_shared_pool(RuleContext& ctx, const AllowListEntry& e) {
    const std::string& owner = e.resource->address;
    Range at = e.address && e.address->where.valid() ? e.address->where : e.resource->declaration;
    ctx.report(at, owner + " admits " + e.shared_pool + " in its " + e.subject + ", so anyone there passes; " + e.fix, owner);
  }

  static void check_entry(RuleContext& ctx, const Limits& limits, const Value* v, bool skip_everyone,
                          const std::string& where, const std::string& resource) {
    if (!v || !v->is_string()) return;
    auto cidr = parse_cidr(v->text);
    if (!cidr || (skip_everyone && cidr->everyone())) return;
    report_if_wide(ctx, limits, *cidr, v->where, v->text, where, resource);
  }

  // A firewall rule's start-end range (Azure SQL, PostgreSQL, MySQL), judged as the block of the
  // same size; pointed at its start address.
  static void check_range(RuleContext& ctx, const Limits& limits, const AllowListEntry& e) {
    if (!is_known_string(e.address) || !is_known_string(e.range_end)) return;
    auto cidr = parse_ipv4_range(e.address->text, e.range_end->text);
    if (!cidr) return;
    report_if_wide(ctx, limits, *cidr, e.address->where, e.address->text + "-" + e.range_end->text, "the " + e.subject,
                   e.resource->address);
  }

  static void report_if_wide(RuleContext& ctx, const Limits& limits, const Cidr& cidr, Range at, const std::string& text,
                             const std::string& where, const std::string& resource) {
    if (cidr.private_range) return;
    int min = cidr.ipv6 ? limits.v6 : limits.v4;
    if (cidr.prefix >= min) return;
    std::string why = cidr.everyone() ? " admits every address on the internet, so anyone passes; "
                                      : " is wider than /" + std::to_string(min) +
                                            ": it admits shared cloud and ISP address pools, so anyone renting an "
                                            "address there passes; ";
    ctx.report(at, text + " in " + where + " of " + resource + why + "list the exact egress addresses you mean", resource);
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH102() { return std::make_unique<RuleEPH102>(); }

}  // namespace eph::rules
