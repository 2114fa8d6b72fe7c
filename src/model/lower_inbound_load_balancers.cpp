// Application load balancers that forward to functions: target group -> listener (or
// listener rule) -> load balancer. A path is open when an internet-facing load balancer
// forwards to the function with no authenticate action before it.
#include "model/inbound_lowering.h"
#include "model/value_paths.h"

namespace eph {
namespace {

struct TargetRow {
  std::string_view type, target_group, function;  // target_group: empty when the row is the group itself
};
constexpr TargetRow kTargets[] = {
    {.type = "aws_lb_target_group_attachment", .target_group = "target_group_arn", .function = "target_id"},
    {.type = "aws_alb_target_group_attachment", .target_group = "target_group_arn", .function = "target_id"},
    {.type = "AWS::ElasticLoadBalancingV2::TargetGroup", .target_group = "", .function = "Targets/Id"},
};

// Actions that forward to target groups, on listeners (the load balancer is named there)
// or listener rules (the listener is named there).
struct ActionRow {
  std::string_view type, actions, target_group, forward_group, action_type, load_balancer, listener;
};
constexpr ActionRow kActions[] = {
    {.type = "aws_lb_listener", .actions = "default_action", .target_group = "target_group_arn",
     .forward_group = "forward/target_group/arn", .action_type = "type", .load_balancer = "load_balancer_arn",
     .listener = ""},
    {.type = "aws_alb_listener", .actions = "default_action", .target_group = "target_group_arn",
     .forward_group = "forward/target_group/arn", .action_type = "type", .load_balancer = "load_balancer_arn",
     .listener = ""},
    {.type = "aws_lb_listener_rule", .actions = "action", .target_group = "target_group_arn",
     .forward_group = "forward/target_group/arn", .action_type = "type", .load_balancer = "", .listener = "listener_arn"},
    {.type = "AWS::ElasticLoadBalancingV2::Listener", .actions = "DefaultActions", .target_group = "TargetGroupArn",
     .forward_group = "ForwardConfig/TargetGroups/TargetGroupArn", .action_type = "Type",
     .load_balancer = "LoadBalancerArn", .listener = ""},
    {.type = "AWS::ElasticLoadBalancingV2::ListenerRule", .actions = "Actions", .target_group = "TargetGroupArn",
     .forward_group = "ForwardConfig/TargetGroups/TargetGroupArn", .action_type = "Type", .load_balancer = "",
     .listener = "ListenerArn"},
};
constexpr std::string_view kAuthenticatePrefix = "authenticate-";

struct SchemeRow {
  std::string_view type, internal, scheme;
};
constexpr SchemeRow kSchemes[] = {
    {.type = "aws_lb", .internal = "internal", .scheme = ""},
    {.type = "aws_alb", .internal = "internal", .scheme = ""},
    {.type = "AWS::ElasticLoadBalancingV2::LoadBalancer", .internal = "", .scheme = "Scheme"},
};

bool refers_to(const Model& model, const Value& v, const NativeResource& r) {
  for (const NativeResource* t : model.referenced(&v))
    if (t == &r) return true;
  return false;
}

// Whether the load balancer is known to face the internet; `known` false when not readable.
bool internet_facing(const NativeResource& lb, bool& known) {
  for (const auto& row : kSchemes) {
    if (row.type != lb.type) continue;
    const Value* v = row.internal.empty() ? at_path(lb.body, row.scheme) : at_path(lb.body, row.internal);
    if (!v) return true;  // both formats default to internet-facing
    if (!row.internal.empty() && v->kind == Kind::Bool) return !v->boolean;
    if (!row.scheme.empty() && v->is_string()) return v->text != "internal";
    known = false;
    return false;
  }
  known = false;
  return false;
}

struct Path {
  bool open = false;     // some internet-facing listener forwards without authentication
  bool found = false;    // some listener forwards to it
  bool unknown = false;  // some forwarding path cannot be followed
};

void follow(const Model& model, const NativeResource& group, Path& path) {
  for (const auto& r : model.unit->resources) {
    for (const auto& row : kActions) {
      if (row.type != r.type) continue;
      bool forwards = false, authenticates = false;
      each_at_path(r.body, row.actions, [&](const Value& action) {
        if (string_of(at_path(action, row.action_type)).rfind(kAuthenticatePrefix, 0) == 0) authenticates = true;
        if (const Value* tg = at_path(action, row.target_group); tg && refers_to(model, *tg, group)) forwards = true;
        each_at_path(action, row.forward_group, [&](const Value& tg) { forwards = forwards || refers_to(model, tg, group); });
      });
      if (!forwards) continue;
      path.found = true;
      const NativeResource* listener = &r;
      if (!row.listener.empty()) {
        auto listeners = model.referenced(at_path(r.body, row.listener));
        listener = listeners.empty() ? nullptr : listeners.front();
      }
      const NativeResource* lb = nullptr;
      if (listener)
        for (const auto& lrow : kActions)
          if (lrow.type == listener->type && !lrow.load_balancer.empty())
            for (const NativeResource* x : model.referenced(at_path(listener->body, lrow.load_balancer))) lb = x;
      bool known = lb != nullptr;
      bool facing = lb && internet_facing(*lb, known);
      if (!known) path.unknown = true;
      if (facing && !authenticates) path.open = true;
    }
  }
}

void add(Model& model, const Value& target, const NativeResource& declared_by, const NativeResource& group) {
  Function* fn = mutable_function(model, &target);
  if (!fn) return;
  Inbound in;
  in.kind = InboundKind::LoadBalancer;
  in.resource = &declared_by;
  in.range = declared_by.declaration;
  in.service = "elasticloadbalancing";
  in.source = group.address;
  Path path;
  follow(model, group, path);
  if (path.open) {
    in.burst = Burst::PublicOpen;
    in.why = "an internet-facing load balancer forwards to it with no authentication";
  } else {
    in.burst = Burst::PublicLimited;
    in.authenticated = path.found && !path.unknown;
    in.why = !path.found    ? "no listener in this code forwards to it"
             : path.unknown ? "its load balancer is not known from the code"
                            : "only internal or authenticating listeners forward to it";
  }
  fn->inbound.push_back(std::move(in));
}

}  // namespace

void lower_load_balancers(const LoadedUnit& unit, Model& model) {
  for (const auto& r : unit.resources) {
    for (const auto& row : kTargets) {
      if (row.type != r.type) continue;
      std::vector<const NativeResource*> groups;
      if (row.target_group.empty()) groups.push_back(&r);
      else groups = model.referenced(at_path(r.body, row.target_group));
      if (groups.empty()) continue;
      each_at_path(r.body, row.function, [&](const Value& v) { add(model, v, r, *groups.front()); });
    }
  }
}

}  // namespace eph
