#include "model/model.h"

#include <cctype>

#include "core/partly_known.h"
#include "model/inbound_lowering.h"
#include "model/lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

// "aws_subnet.private[0]" -> "aws_subnet.private"; "module.a[\"x\"].aws_y.z" keeps the module key.
std::string without_instance_key(const std::string& address) {
  if (address.empty() || address.back() != ']') return address;
  size_t open = address.rfind('[');
  return open == std::string::npos ? address : address.substr(0, open);
}

}  // namespace

std::string_view to_string(Cloud c) {
  switch (c) {
    case Cloud::Gcp: return "gcp";
    case Cloud::Azure: return "azure";
    case Cloud::Cloudflare: return "cloudflare";
    case Cloud::Aws: break;
  }
  return "aws";
}

std::string_view to_string(Firewall f) {
  switch (f) {
    case Firewall::NetworkAcl: return "network ACL";
    case Firewall::VpcFirewall: return "VPC firewall rule";
    case Firewall::NetworkSecurityGroup: return "network security group";
    case Firewall::SecurityGroup: break;
  }
  return "security group";
}

const NativeResource* Model::resource(std::string_view address) const {
  auto it = by_address.find(address);
  return it == by_address.end() ? nullptr : it->second;
}

std::vector<const NativeResource*> Model::referenced(const Value* value) const {
  std::vector<const NativeResource*> out;
  if (!value) return out;
  for (const auto& ref : value->refs) {
    if (const NativeResource* r = resource(ref.address)) {
      bool seen = false;
      for (const auto* o : out) seen = seen || o == r;
      if (!seen) out.push_back(r);
    }
  }
  return out;
}

const Function* Model::function_for(const Value* value) const {
  if (!value) return nullptr;
  for (const NativeResource* r : referenced(value)) {
    for (const auto& fn : functions)
      if (fn.resource == r) return &fn;
  }
  std::string_view text = string_of(value);
  // A partly known ARN ("arn:${AWS::Partition}:lambda:${AWS::Region}:...:function:NAME") still
  // names its function when the name itself is literal.
  bool partly = text.empty() && !known_pattern(*value).empty();
  if (partly) text = known_pattern(*value);
  if (text.empty()) return nullptr;
  // A literal name, or an ARN ending in ":function:NAME" (optionally with a qualifier).
  for (const auto& fn : functions) {
    std::string_view name = string_of(fn.name);
    if (name.empty()) continue;
    if (text == name && !partly) return &fn;
    // Every ":function:NAME" in the text (a definition may embed several ARNs); a name ends
    // where characters that cannot be in one begin (a qualifier's ':', a quote).
    for (size_t at = text.find(":function:"); at != std::string_view::npos; at = text.find(":function:", at + 1)) {
      std::string_view rest = text.substr(at + 10);
      size_t end = 0;
      while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == '-' || rest[end] == '_'))
        ++end;
      if (rest.substr(0, end) == name) return &fn;
    }
  }
  return nullptr;
}

Model build_model(const LoadedUnit& unit, const EndpointFixWriter* endpoint_writer) {
  Model model;
  model.unit = &unit;
  model.endpoint_writer = endpoint_writer;
  for (const auto& r : unit.resources) {
    model.by_address.emplace(r.address, &r);
    // A reference to a whole counted block (`aws_iam_role.this`) resolves to its first instance.
    model.by_address.emplace(without_instance_key(r.address), &r);
  }
  lower_functions(unit, model);
  lower_policies(unit, model);
  lower_triggers(unit, model);
  lower_role_bindings(unit, model);
  lower_role_assignments(unit, model);
  lower_sam_api_resource_policies(unit, model);
  lower_firewall_rules(unit, model);
  lower_network_security_rules(unit, model);
  lower_api_routes(unit, model);
  lower_http_triggers(unit, model);
  lower_api_inbound(model);
  lower_permission_inbound(model);
  lower_network(unit, model);
  lower_allow_lists(unit, model);  // after the network: whether a caller's egress enters a VPC
  lower_network_allow_lists(unit, model);
  lower_edge_access(unit, model);
  return model;
}

}  // namespace eph
