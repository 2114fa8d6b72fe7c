#include "model/nsg_precedence.h"

#include <cstdlib>

#include "model/value_paths.h"

namespace eph {
namespace {

// The rule's own block: the inline `security_rule` block at its range, or the rule resource.
const Value* rule_body(const CidrRule& r) {
  const Value& body = r.resource->body;
  if (r.range.begin == r.resource->declaration.begin && r.range.end == r.resource->declaration.end) return &body;
  const Value* found = nullptr;
  each_at_path(body, "security_rule", [&](const Value& block) {
    if (block.where.begin == r.range.begin && block.where.end == r.range.end) found = &block;
  });
  return found;
}

// Its priority; false when it is not a known number.
bool priority_of(const CidrRule& r, double& out) {
  const Value* body = rule_body(r);
  const Value* p = body ? body->get("priority") : nullptr;
  if (p && p->kind == Kind::Number) {
    out = p->number;
    return true;
  }
  if (!is_known_string(p)) return false;
  char* end = nullptr;
  out = std::strtod(p->text.c_str(), &end);
  return end && *end == '\0' && !p->text.empty();
}

// The group a rule belongs to, as the group resource (when the code resolves it) and its name
// (when known): the group holding the block, or the group a standalone rule names.
struct Group {
  const NativeResource* resource = nullptr;
  std::string_view name;
  bool same(const Group& o) const {
    return (resource && resource == o.resource) || (!name.empty() && name == o.name);
  }
};

Group group_of(const Model& model, const CidrRule& r) {
  const Value* body = rule_body(r);
  if (body != &r.resource->body) return {r.resource, string_of(r.resource->body.get("name"))};
  const Value* name = body->get("network_security_group_name");
  for (const NativeResource* g : model.referenced(name)) return {g, string_of(g->body.get("name"))};
  return {nullptr, string_of(name)};
}

bool covers_protocol(IpProtocol deny, IpProtocol allow) {
  return deny == IpProtocol::All || deny == allow;
}

bool covers_source(const CidrRule& deny, const CidrRule& allow) {
  if (deny.whole_internet) return true;  // "*", "Internet": covers every internet source
  return is_known_string(deny.cidr) && is_known_string(allow.cidr) && deny.cidr->text == allow.cidr->text;
}

}  // namespace

const CidrRule* shadowing_deny(const Model& model, const CidrRule& allow) {
  if (allow.firewall != Firewall::NetworkSecurityGroup || !allow.ports_known) return nullptr;
  Group group = group_of(model, allow);
  if (!group.resource && group.name.empty()) return nullptr;
  double allow_priority = 0;
  bool allow_known = priority_of(allow, allow_priority);
  for (const CidrRule& deny : model.cidr_rules) {
    if (deny.firewall != Firewall::NetworkSecurityGroup || deny.direction != allow.direction) continue;
    if (string_of(deny.action) != "Deny" || deny.resource->may_not_exist) continue;
    if (!deny.ports_known || deny.first_port > allow.first_port || deny.last_port < allow.last_port) continue;
    if (!covers_protocol(deny.ip_protocol, allow.ip_protocol) || !covers_source(deny, allow)) continue;
    if (!group.same(group_of(model, deny))) continue;
    double deny_priority = 0;
    if (!allow_known || !priority_of(deny, deny_priority) || deny_priority < allow_priority) return &deny;
  }
  return nullptr;
}

}  // namespace eph
