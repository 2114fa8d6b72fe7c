// EPH701 vpc-without-flow-logs: a VPC that hosts functions has no flow log, on the VPC or
// on every subnet the functions run in. Google Cloud logs flows per subnet (`log_config`):
// each subnet that hosts functions without it is a finding. Azure: each subnet a Function App
// is integrated with, when neither its NSG nor its VNet has a Network Watcher flow log.
#include <algorithm>

#include "model/network_evidence.h"
#include "rule_api/rule.h"

namespace eph::rules {
namespace {

bool subnet_logged(const Network& net, const Subnet* s) {
  for (const FlowLog& log : net.flow_logs)
    if (log.subnet == s && !log.may_not_exist) return true;
  return false;
}

// Google Cloud: one finding per subnet that carries functions' traffic without flow logs.
void check_subnets(RuleContext& ctx, const Network& net) {
  for (const Subnet& s : net.subnets) {
    if (s.cloud != Cloud::Gcp || s.resource->may_not_exist || subnet_logged(net, &s)) continue;
    std::vector<std::string> functions;
    std::vector<RelatedLocation> related;
    for (const FunctionNetwork& fn_net : net.functions) {
      if (fn_net.function->resource->may_not_exist) continue;
      for (const auto& path : fn_net.subnets) {
        if (path.subnet != &s) continue;
        functions.push_back(fn_net.function->address());
        related.push_back({path.written && path.written->where.valid() ? path.written->where : fn_net.attachment,
                           describe(*fn_net.function) + (fn_net.connector ? " reaches the VPC through connector " +
                                                                                fn_net.connector->resource->address + " in this subnet"
                                                                          : " sends its traffic into this subnet")});
        break;
      }
    }
    if (functions.empty()) continue;
    Finding& f = ctx.report(s.resource->declaration,
                            "Subnet " + s.resource->address + " carries the traffic of " +
                                (functions.size() == 1 ? "function " : "functions ") + join_names(functions) +
                                " but has no VPC Flow Logs: add a log_config block so unexpected connections from the "
                                "functions show up in Cloud Logging",
                            s.resource->address);
    f.related = std::move(related);
  }
}

// Azure: one finding per subnet that carries a Function App's VNet-integration traffic with no
// flow log on its network security group, on the subnet, or on its virtual network.
bool azure_subnet_logged(const Network& net, const Subnet* s) {
  for (const FlowLog& log : net.flow_logs)
    if (log.subnet == s || (log.vpc && log.vpc == s->vpc)) return true;
  return false;
}

void check_azure_subnets(RuleContext& ctx, const Network& net) {
  for (const Subnet& s : net.subnets) {
    if (s.cloud != Cloud::Azure || s.resource->may_not_exist || !s.vpc || !s.vpc->flow_logs_known) continue;
    if (azure_subnet_logged(net, &s)) continue;
    std::vector<std::string> functions;
    std::vector<RelatedLocation> related;
    for (const FunctionNetwork& fn_net : net.functions) {
      if (fn_net.function->resource->may_not_exist) continue;
      for (const auto& path : fn_net.subnets) {
        if (path.subnet != &s) continue;
        functions.push_back(fn_net.function->address());
        related.push_back({fn_net.attachment, describe(*fn_net.function) + " is integrated with this subnet"});
        break;
      }
    }
    if (functions.empty()) continue;
    Range at = s.range.valid() ? s.range : s.resource->declaration;
    std::string name = s.range.valid() ? "The inline subnet of " + s.resource->address : "Subnet " + s.resource->address;
    Finding& f = ctx.report(at,
                            name + " carries the VNet-integration traffic of " +
                                (functions.size() == 1 ? "Function App " : "Function Apps ") + join_names(functions) +
                                " but neither its network security group nor virtual network " + s.vpc->resource->address +
                                " has a flow log: add a Network Watcher VNet flow log (target_resource_id = the virtual "
                                "network) so unexpected connections from the functions show up",
                            s.resource->address);
    related.push_back({s.vpc->resource->declaration, "virtual network " + s.vpc->resource->address + " has no flow log"});
    f.related = std::move(related);
  }
}

class RuleEPH701 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    const Network& net = ctx.model().network;
    check_subnets(ctx, net);
    check_azure_subnets(ctx, net);
    for (const Vpc& vpc : net.vpcs) {
      if (vpc.cloud != Cloud::Aws) continue;  // per subnet, above
      if (vpc.resource->may_not_exist || !vpc.flow_logs_known || !vpc.flow_logs.empty()) continue;
      std::vector<std::string> functions;
      std::vector<const Subnet*> subnets;
      std::vector<RelatedLocation> related;
      for (const FunctionNetwork& fn_net : net.functions) {
        if (fn_net.function->resource->may_not_exist) continue;
        bool hosted = false;
        for (const auto& path : fn_net.subnets) {
          if (!path.subnet || path.subnet->vpc != &vpc) continue;
          hosted = true;
          if (std::find(subnets.begin(), subnets.end(), path.subnet) == subnets.end()) subnets.push_back(path.subnet);
        }
        if (!hosted) continue;
        functions.push_back(fn_net.function->address());
        related.push_back({fn_net.function->vpc_range, describe(*fn_net.function) + " runs in this VPC"});
      }
      if (functions.empty()) continue;
      bool all_subnets_logged = std::all_of(subnets.begin(), subnets.end(),
                                            [&](const Subnet* s) { return subnet_logged(net, s); });
      if (all_subnets_logged) continue;
      std::string message = "VPC " + vpc.resource->address + " hosts " +
                            (functions.size() == 1 ? "function " : "functions ") + join_names(functions) +
                            " but has no flow log: add one (to CloudWatch Logs or S3) so unexpected connections from "
                            "the functions show up";
      Finding& f = ctx.report(vpc.resource->declaration, message, vpc.resource->address);
      f.related = std::move(related);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH701() { return std::make_unique<RuleEPH701>(); }

}  // namespace eph::rules
