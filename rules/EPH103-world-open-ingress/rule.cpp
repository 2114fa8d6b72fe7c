// EPH103 world-open-ingress: a security group that admits the whole internet on a port
// other than the public web ports.
#include "model/cidr.h"
#include "model/nsg_precedence.h"
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

constexpr int kWebPorts[] = {80, 443};

// Whether first..last holds a port other than 80 and 443.
bool covers_other_ports(int first, int last) {
  long count = static_cast<long>(last) - first + 1;
  for (int p : kWebPorts)
    if (p >= first && p <= last) --count;
  return count > 0;
}

std::string describe_ports(const CidrRule& r) {
  if (r.ip_protocol == IpProtocol::All) return "every protocol and port";
  std::string proto = r.ip_protocol == IpProtocol::Tcp ? "TCP" : "UDP";
  if (r.first_port == 0 && r.last_port == 65535) return "every " + proto + " port";
  if (r.first_port == r.last_port) return proto + " port " + std::to_string(r.first_port);
  return proto + " ports " + std::to_string(r.first_port) + "-" + std::to_string(r.last_port);
}

class RuleEPH103 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    // A VPC firewall rule lowers to one CidrRule per port entry of an allow block: one finding
    // per CIDR as written, naming every port range it opens.
    std::vector<const CidrRule*> open;
    for (const CidrRule& r : ctx.model().cidr_rules) {
      if (r.firewall == Firewall::NetworkAcl || r.direction != Direction::Ingress || !r.allows()) continue;
      if (!r.cidr || !r.cidr->is_string()) continue;
      auto cidr = parse_cidr(r.cidr->text);
      if (!r.whole_internet && (!cidr || !cidr->everyone())) continue;
      if (!r.ports_known) continue;
      if (!covers_other_ports(r.first_port, r.last_port)) continue;
      if (shadowing_deny(ctx.model(), r)) continue;  // an NSG deny of higher precedence stops it
      open.push_back(&r);
    }
    for (size_t i = 0; i < open.size(); ++i) {
      const CidrRule& r = *open[i];
      bool reported = false;
      for (size_t j = 0; j < i; ++j) reported = reported || open[j]->cidr == r.cidr;
      if (reported) continue;
      std::string ports = describe_ports(r);
      for (size_t j = i + 1; j < open.size(); ++j)
        if (open[j]->cidr == r.cidr) ports += (j + 1 == open.size() || open[j + 1]->cidr != r.cidr ? " and " : ", ") + describe_ports(*open[j]);
      std::string fix = r.firewall == Firewall::VpcFirewall
                            ? "restrict source_ranges to known addresses, or reach the instances through IAP TCP "
                              "forwarding (35.235.240.0/20) or a load balancer"
                        : r.firewall == Firewall::NetworkSecurityGroup
                            ? "restrict source_address_prefix to known addresses, or reach the hosts through Azure "
                              "Bastion, a private endpoint or a load balancer"
                            : "restrict the source to known addresses or security groups, or reach the host "
                              "through Session Manager or a load balancer";
      Finding& f = ctx.report(r.cidr->where,
                              r.resource->address + " admits " + r.cidr->text + " (the whole internet) on " + ports + ": " + fix,
                              r.resource->address);
      if (r.range.valid() && r.range.file == r.cidr->where.file &&
          (r.range.begin != r.cidr->where.begin || r.range.end != r.cidr->where.end))
        f.related.push_back(RelatedLocation{r.range, "the ingress rule"});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH103() { return std::make_unique<RuleEPH103>(); }

}  // namespace eph::rules
