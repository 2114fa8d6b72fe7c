// Azure network security group rules, one CidrRule per source prefix and destination port
// range, whether written as `security_rule` blocks of the group or as standalone rules.
// Sources may be tags: "*" and "Internet" stand for every address.
#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

struct SecurityRuleRow {
  std::string_view type;
  std::string_view blocks;  // inline rule blocks; empty: the resource is one rule
};
constexpr SecurityRuleRow kSecurityRules[] = {
    {.type = "azurerm_network_security_group", .blocks = "security_rule"},
    {.type = "azurerm_network_security_rule", .blocks = ""},
};

// The attributes of one rule: a single value and its list form (both may be written).
constexpr std::string_view kSource = "source_address_prefix", kSources = "source_address_prefixes";
constexpr std::string_view kPort = "destination_port_range", kPorts = "destination_port_ranges";

bool everyone_tag(std::string_view s) { return s == "*" || s == "Internet" || s == "0.0.0.0/0" || s == "::/0"; }

IpProtocol protocol_of(const Value* v) {
  std::string_view p = string_of(v);
  if (p == "*") return IpProtocol::All;
  if (p == "Tcp") return IpProtocol::Tcp;
  if (p == "Udp") return IpProtocol::Udp;
  if (p == "Icmp") return IpProtocol::Icmp;
  return p.empty() ? IpProtocol::Unknown : IpProtocol::Other;
}

// "*" (every port), "22", "8000-9000": the ports it admits; false when it cannot be read.
bool read_ports(const Value* v, int& first, int& last) {
  if (string_of(v) == "*") {
    first = 0;
    last = 65535;
    return true;
  }
  return port_range(v, first, last);
}

std::vector<const Value*> single_and_list(const Value& rule, std::string_view single, std::string_view many) {
  std::vector<const Value*> out;
  if (const Value* v = rule.get(single); v && !v->is_null()) out.push_back(v);
  for (const Value* v : list_items(rule.get(many)))
    if (!v->is_null()) out.push_back(v);
  return out;
}

void add_rule(Model& model, const NativeResource& r, const Value& rule, Range range) {
  if (!rule.is_map()) return;
  std::string_view direction = string_of(rule.get("direction"));
  if (direction != "Inbound" && direction != "Outbound") return;  // unknown: nothing to say
  CidrRule base;
  base.resource = &r;
  base.firewall = Firewall::NetworkSecurityGroup;
  base.direction = direction == "Inbound" ? Direction::Ingress : Direction::Egress;
  base.protocol = rule.get("protocol");
  base.action = rule.get("access");
  base.range = range;
  base.ip_protocol = protocol_of(base.protocol);
  std::vector<const Value*> ports = single_and_list(rule, kPort, kPorts);
  for (const Value* source : single_and_list(rule, kSource, kSources)) {
    for (const Value* port : ports) {
      CidrRule one = base;
      one.cidr = source;
      one.whole_internet = is_known_string(source) && everyone_tag(source->text);
      one.from_port = one.to_port = port;
      bool has_ports = one.ip_protocol == IpProtocol::All || one.ip_protocol == IpProtocol::Tcp ||
                       one.ip_protocol == IpProtocol::Udp;
      one.ports_known = has_ports && read_ports(port, one.first_port, one.last_port);
      // Protocol "*" with a port range admits that range over TCP and UDP, not every port.
      if (one.ip_protocol == IpProtocol::All && one.ports_known && (one.first_port > 0 || one.last_port < 65535)) {
        for (IpProtocol p : {IpProtocol::Tcp, IpProtocol::Udp}) {
          CidrRule each = one;
          each.ip_protocol = p;
          model.cidr_rules.push_back(each);
        }
        continue;
      }
      model.cidr_rules.push_back(one);
    }
  }
}

}  // namespace

void lower_network_security_rules(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kSecurityRules) {
      if (row.type != r.type) continue;
      if (row.blocks.empty()) {
        add_rule(model, r, r.body, r.declaration);
      } else {
        each_at_path(r.body, row.blocks, [&](const Value& block) {
          add_rule(model, r, block, block.where.valid() ? block.where : r.declaration);
        });
      }
    }
  }
}

}  // namespace eph
