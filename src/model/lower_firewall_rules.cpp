// Security-group and network-ACL rules, one CidrRule per CIDR, whether written as inline
// blocks of the group/ACL or as standalone rule resources; and WAF IP set addresses.
#include <cmath>
#include <map>
#include <optional>

#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// How a row says whether its rules are ingress or egress.
enum class DirectionFrom {
  Ingress,     // always ingress (an `ingress` block, an ingress-only resource)
  Egress,
  TypeString,  // "ingress" / "egress" in `direction` (aws_security_group_rule.type)
  EgressFlag,  // a boolean `egress` flag, false when absent
};

struct FirewallRuleRow {
  std::string_view type;
  Firewall firewall;
  std::string_view blocks;     // path to the inline rule blocks; empty: the resource is one rule
  DirectionFrom direction_from;
  std::string_view direction;  // attribute read for TypeString / EgressFlag
  std::string_view cidr_v4;    // a CIDR or a list of CIDRs
  std::string_view cidr_v6;
  std::string_view protocol;
  std::string_view from_port;
  std::string_view to_port;
  std::string_view action;     // network ACLs only
};

constexpr FirewallRuleRow kFirewallRules[] = {
    {"aws_security_group", Firewall::SecurityGroup, "ingress", DirectionFrom::Ingress, "", "cidr_blocks", "ipv6_cidr_blocks", "protocol", "from_port", "to_port", ""},
    {"aws_security_group", Firewall::SecurityGroup, "egress", DirectionFrom::Egress, "", "cidr_blocks", "ipv6_cidr_blocks", "protocol", "from_port", "to_port", ""},
    {"aws_default_security_group", Firewall::SecurityGroup, "ingress", DirectionFrom::Ingress, "", "cidr_blocks", "ipv6_cidr_blocks", "protocol", "from_port", "to_port", ""},
    {"aws_default_security_group", Firewall::SecurityGroup, "egress", DirectionFrom::Egress, "", "cidr_blocks", "ipv6_cidr_blocks", "protocol", "from_port", "to_port", ""},
    {"aws_security_group_rule", Firewall::SecurityGroup, "", DirectionFrom::TypeString, "type", "cidr_blocks", "ipv6_cidr_blocks", "protocol", "from_port", "to_port", ""},
    {"aws_vpc_security_group_ingress_rule", Firewall::SecurityGroup, "", DirectionFrom::Ingress, "", "cidr_ipv4", "cidr_ipv6", "ip_protocol", "from_port", "to_port", ""},
    {"aws_vpc_security_group_egress_rule", Firewall::SecurityGroup, "", DirectionFrom::Egress, "", "cidr_ipv4", "cidr_ipv6", "ip_protocol", "from_port", "to_port", ""},
    {"aws_network_acl", Firewall::NetworkAcl, "ingress", DirectionFrom::Ingress, "", "cidr_block", "ipv6_cidr_block", "protocol", "from_port", "to_port", "action"},
    {"aws_network_acl", Firewall::NetworkAcl, "egress", DirectionFrom::Egress, "", "cidr_block", "ipv6_cidr_block", "protocol", "from_port", "to_port", "action"},
    {"aws_default_network_acl", Firewall::NetworkAcl, "ingress", DirectionFrom::Ingress, "", "cidr_block", "ipv6_cidr_block", "protocol", "from_port", "to_port", "action"},
    {"aws_default_network_acl", Firewall::NetworkAcl, "egress", DirectionFrom::Egress, "", "cidr_block", "ipv6_cidr_block", "protocol", "from_port", "to_port", "action"},
    {"aws_network_acl_rule", Firewall::NetworkAcl, "", DirectionFrom::EgressFlag, "egress", "cidr_block", "ipv6_cidr_block", "protocol", "from_port", "to_port", "rule_action"},
    {"AWS::EC2::SecurityGroup", Firewall::SecurityGroup, "SecurityGroupIngress", DirectionFrom::Ingress, "", "CidrIp", "CidrIpv6", "IpProtocol", "FromPort", "ToPort", ""},
    {"AWS::EC2::SecurityGroup", Firewall::SecurityGroup, "SecurityGroupEgress", DirectionFrom::Egress, "", "CidrIp", "CidrIpv6", "IpProtocol", "FromPort", "ToPort", ""},
    {"AWS::EC2::SecurityGroupIngress", Firewall::SecurityGroup, "", DirectionFrom::Ingress, "", "CidrIp", "CidrIpv6", "IpProtocol", "FromPort", "ToPort", ""},
    {"AWS::EC2::SecurityGroupEgress", Firewall::SecurityGroup, "", DirectionFrom::Egress, "", "CidrIp", "CidrIpv6", "IpProtocol", "FromPort", "ToPort", ""},
    {"AWS::EC2::NetworkAclEntry", Firewall::NetworkAcl, "", DirectionFrom::EgressFlag, "Egress", "CidrBlock", "Ipv6CidrBlock", "Protocol", "PortRange/From", "PortRange/To", "RuleAction"},
};

// VPC firewall rules (Google Cloud): a direction for the whole rule, source ranges, and
// `allow` blocks each with a protocol and a list of ports or port ranges ("22", "8000-9000";
// none: every port). `deny` blocks admit nothing and are not lowered.
struct VpcFirewallRow {
  std::string_view type, direction, ingress, sources, allow, protocol, ports, disabled;
};
constexpr VpcFirewallRow kVpcFirewalls[] = {
    {.type = "google_compute_firewall", .direction = "direction", .ingress = "INGRESS", .sources = "source_ranges",
     .allow = "allow", .protocol = "protocol", .ports = "ports", .disabled = "disabled"},
};

// WAF IP sets: where the addresses are, and (classic WAF) the field of each descriptor.
struct IpSetRow {
  std::string_view type;
  std::string_view addresses;
  std::string_view descriptor_value;  // empty: the list holds the CIDRs themselves
};
constexpr IpSetRow kIpSets[] = {
    {"aws_wafv2_ip_set", "addresses", ""},
    {"aws_waf_ipset", "ip_set_descriptors", "value"},
    {"aws_wafregional_ipset", "ip_set_descriptor", "value"},
    {"aws_wafregional_ipset", "ip_set_descriptors", "value"},
    {"AWS::WAFv2::IPSet", "Addresses", ""},
    {"AWS::WAF::IPSet", "IPSetDescriptors", "Value"},
    {"AWS::WAFRegional::IPSet", "IPSetDescriptors", "Value"},
};

// WAFv2 rules that use an IP set as their whole statement, and where their action says block.
struct IpSetUseRow {
  std::string_view type, rules, reference, block_action;
};
constexpr IpSetUseRow kIpSetUses[] = {
    {"aws_wafv2_web_acl", "rule", "statement/ip_set_reference_statement/arn", "action/block"},
    {"aws_wafv2_rule_group", "rule", "statement/ip_set_reference_statement/arn", "action/block"},
    {"AWS::WAFv2::WebACL", "Rules", "Statement/IPSetReferenceStatement/Arn", "Action/Block"},
    {"AWS::WAFv2::RuleGroup", "Rules", "Statement/IPSetReferenceStatement/Arn", "Action/Block"},
};

// References to `address` anywhere in `v`, counted on scalar values (where references are written).
size_t references_to(const Value& v, std::string_view address) {
  size_t n = 0;
  if (!v.is_map() && !v.is_list()) {
    for (const auto& ref : v.refs)
      if (ref.address == address) ++n;
  }
  for (const auto& item : v.items) n += references_to(item, address);
  for (const auto& field : v.fields) n += references_to(field.value, address);
  return n;
}

// Marks the entries of IP sets that the unit uses only to block: one blocking rule per reference
// found. A set used nowhere, or anywhere else (an allow rule, inside a not-statement...), stays
// an allow-list as far as anyone can tell.
void mark_block_only_sets(const LoadedUnit& unit, Model& model) {
  std::map<const NativeResource*, size_t> blocking_uses;
  for (const auto& r : unit.resources) {
    for (const auto& row : kIpSetUses) {
      if (row.type != r.type) continue;
      each_at_path(r.body, row.rules, [&](const Value& rule) {
        if (!at_path(&rule, row.block_action)) return;
        for (const NativeResource* set : model.referenced(at_path(&rule, row.reference))) ++blocking_uses[set];
      });
    }
  }
  if (blocking_uses.empty()) return;
  std::map<const NativeResource*, bool> block_only;
  for (auto& e : model.ip_set_entries) {
    auto uses = blocking_uses.find(e.resource);
    if (uses == blocking_uses.end()) continue;
    auto known = block_only.find(e.resource);
    if (known == block_only.end()) {
      size_t all = 0;
      for (const auto& r : unit.resources) all += references_to(r.body, e.resource->address);
      known = block_only.emplace(e.resource, all == uses->second).first;
    }
    e.block_only = known->second;
  }
}

// Protocols by IANA number and by the names the providers accept.
constexpr int kTcp = 6, kUdp = 17, kIcmp = 1, kIcmpV6 = 58;

std::optional<long> integer_of(const Value* v) {
  if (!v) return std::nullopt;
  if (v->kind == Kind::Number && std::floor(v->number) == v->number) return static_cast<long>(v->number);
  if (v->kind != Kind::String || v->text.empty() || v->text.size() > 6) return std::nullopt;
  long n = 0;
  size_t i = v->text[0] == '-' ? 1 : 0;
  if (i == v->text.size()) return std::nullopt;
  for (; i < v->text.size(); ++i) {
    char c = v->text[i];
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return v->text[0] == '-' ? -n : n;
}

IpProtocol protocol_of(const Value* v) {
  if (!v || v->is_unknown()) return IpProtocol::Unknown;
  if (auto n = integer_of(v)) {
    if (*n == -1) return IpProtocol::All;
    if (*n == kTcp) return IpProtocol::Tcp;
    if (*n == kUdp) return IpProtocol::Udp;
    if (*n == kIcmp || *n == kIcmpV6) return IpProtocol::Icmp;
    return IpProtocol::Other;
  }
  std::string_view name = string_of(v);
  if (name == "all" || name == "ALL") return IpProtocol::All;
  if (name == "tcp" || name == "TCP") return IpProtocol::Tcp;
  if (name == "udp" || name == "UDP") return IpProtocol::Udp;
  if (name == "icmp" || name == "ICMP" || name == "icmpv6" || name == "ICMPV6" || name == "58") return IpProtocol::Icmp;
  return name.empty() ? IpProtocol::Unknown : IpProtocol::Other;
}

// The direction a rule applies to; nullopt when it cannot be known.
std::optional<Direction> direction_of(const FirewallRuleRow& row, const Value& rule) {
  switch (row.direction_from) {
    case DirectionFrom::Ingress: return Direction::Ingress;
    case DirectionFrom::Egress: return Direction::Egress;
    case DirectionFrom::TypeString: {
      std::string_view t = string_of(at_path(rule, row.direction));
      if (t == "ingress") return Direction::Ingress;
      if (t == "egress") return Direction::Egress;
      return std::nullopt;
    }
    case DirectionFrom::EgressFlag: {
      const Value* flag = at_path(rule, row.direction);
      if (!flag || flag->is_null()) return Direction::Ingress;
      if (flag->kind == Kind::Bool) return flag->boolean ? Direction::Egress : Direction::Ingress;
      std::string_view text = string_of(flag);
      if (text == "true") return Direction::Egress;
      if (text == "false") return Direction::Ingress;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

void normalise_ports(CidrRule& rule) {
  rule.ip_protocol = protocol_of(rule.protocol);
  switch (rule.ip_protocol) {
    case IpProtocol::All:
      rule.ports_known = true;  // every protocol, every port: the port fields are ignored
      rule.first_port = 0;
      rule.last_port = 65535;
      return;
    case IpProtocol::Tcp:
    case IpProtocol::Udp: {
      auto from = integer_of(rule.from_port), to = integer_of(rule.to_port);
      if (!from || !to) return;
      // -1 and 0..65535 both mean every port in the providers' conventions.
      rule.first_port = *from < 0 ? 0 : static_cast<int>(*from);
      rule.last_port = *to < 0 ? 65535 : static_cast<int>(*to);
      rule.ports_known = rule.first_port <= rule.last_port;
      return;
    }
    default: return;
  }
}

void add_rules(Model& model, const NativeResource& r, const FirewallRuleRow& row, const Value& rule) {
  if (!rule.is_map()) return;
  std::optional<Direction> direction = direction_of(row, rule);
  if (!direction) return;
  CidrRule base;
  base.resource = &r;
  base.firewall = row.firewall;
  base.direction = *direction;
  base.protocol = at_path(rule, row.protocol);
  base.from_port = at_path(rule, row.from_port);
  base.to_port = at_path(rule, row.to_port);
  if (!row.action.empty()) base.action = at_path(rule, row.action);
  base.range = row.blocks.empty() || !rule.where.valid() ? r.declaration : rule.where;
  normalise_ports(base);
  for (std::string_view path : {row.cidr_v4, row.cidr_v6}) {
    for (const Value* cidr : list_items(at_path(rule, path))) {
      if (cidr->is_null()) continue;
      CidrRule one = base;
      one.cidr = cidr;
      model.cidr_rules.push_back(one);
    }
  }
}


void add_vpc_firewall_rules(Model& model, const NativeResource& r, const VpcFirewallRow& row) {
  const Value* disabled = at_path(r.body, row.disabled);
  if (disabled && !(disabled->kind == Kind::Bool && !disabled->boolean) && !disabled->is_null()) return;  // off, or maybe
  const Value* direction = at_path(r.body, row.direction);
  if (direction && !direction->is_null() && string_of(direction) != row.ingress) return;  // egress, or unknown
  std::vector<const Value*> sources = list_items(at_path(r.body, row.sources));
  each_at_path(r.body, row.allow, [&](const Value& allow) {
    CidrRule base;
    base.resource = &r;
    base.firewall = Firewall::VpcFirewall;
    base.direction = Direction::Ingress;
    base.protocol = at_path(&allow, row.protocol);
    base.range = allow.where.valid() ? allow.where : r.declaration;
    base.ip_protocol = protocol_of(base.protocol);
    std::vector<CidrRule> variants;
    bool ports_unknown = false;
    std::vector<const Value*> ports = list_items(at_path(&allow, row.ports), &ports_unknown);
    if (base.ip_protocol == IpProtocol::All || ((base.ip_protocol == IpProtocol::Tcp || base.ip_protocol == IpProtocol::Udp) &&
                                                ports.empty() && !ports_unknown)) {
      base.ports_known = true;  // no ports: every port of the protocol
      variants.push_back(base);
    } else {
      for (const Value* port : ports) {
        CidrRule one = base;
        one.from_port = one.to_port = port;
        one.ports_known = (one.ip_protocol == IpProtocol::Tcp || one.ip_protocol == IpProtocol::Udp) &&
                          port_range(port, one.first_port, one.last_port);
        variants.push_back(one);
      }
      if (ports.empty()) variants.push_back(base);
    }
    for (const Value* cidr : sources) {
      if (cidr->is_null()) continue;
      for (CidrRule one : variants) {
        one.cidr = cidr;
        model.cidr_rules.push_back(one);
      }
    }
  });
}

}  // namespace

// "22" -> 22..22, "8000-9000" -> 8000..9000; false when it is not a port range.
bool port_range(const Value* v, int& first, int& last) {
  std::string_view text = string_of(v);
  if (v && v->kind == Kind::Number) {
    first = last = static_cast<int>(v->number);
    return v->number >= 0 && v->number <= 65535;
  }
  size_t dash = text.find('-');
  auto number = [](std::string_view digits, int& out) {
    if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string_view::npos) return false;
    out = std::stoi(std::string(digits));
    return out <= 65535;
  };
  if (dash == std::string_view::npos) return number(text, first) && number(text, last);
  return number(text.substr(0, dash), first) && number(text.substr(dash + 1), last) && first <= last;
}

bool CidrRule::allows() const {
  if (firewall == Firewall::SecurityGroup || firewall == Firewall::VpcFirewall) return true;
  if (firewall == Firewall::NetworkSecurityGroup) return string_of(action) == "Allow";
  std::string_view a = string_of(action);
  return a == "allow" || a == "ALLOW" || a == "Allow";
}

void lower_firewall_rules(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kFirewallRules) {
      if (row.type != r.type) continue;
      if (row.blocks.empty()) {
        add_rules(model, r, row, r.body);
      } else {
        each_at_path(r.body, row.blocks, [&](const Value& block) { add_rules(model, r, row, block); });
      }
    }
    for (const auto& row : kVpcFirewalls)
      if (row.type == r.type) add_vpc_firewall_rules(model, r, row);
    for (const auto& row : kIpSets) {
      if (row.type != r.type) continue;
      for (const Value* entry : list_items(at_path(r.body, row.addresses))) {
        const Value* cidr = row.descriptor_value.empty() ? entry : at_path(entry, row.descriptor_value);
        if (cidr) model.ip_set_entries.push_back(IpSetEntry{&r, cidr});
      }
    }
  }
  mark_block_only_sets(unit, model);
}

}  // namespace eph
