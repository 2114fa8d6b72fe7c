// EPH401 unbounded-concurrency: an AWS function with no concurrency ceiling. The
// severity follows what can burst into it and what it can overwhelm downstream.
#include <string>

#include "engine/rule.h"
#include "model/external_hosts.h"

namespace eph::rules {
namespace {

std::string with_article(std::string_view noun) {
  // "an HTTP API", "an S3 event", "an SNS topic", "a queue".
  bool vowel = noun.rfind("HTTP", 0) == 0 || noun.rfind("S3", 0) == 0 || noun.rfind("SNS", 0) == 0 ||
               noun.rfind("EventBridge", 0) == 0 || noun.rfind("event", 0) == 0;
  return (vowel ? "an " : "a ") + std::string(noun);
}

std::string trigger_name(const Trigger& t) { return t.public_url ? "public function URL" : std::string(to_string(t.kind)); }

struct Context {
  Severity severity = Severity::Medium;
  std::string why;
  std::vector<RelatedLocation> evidence;
};

Context assess(const Model& model, const Function& fn) {
  Context c;
  for (const auto& t : fn.triggers) {
    bool bursty = is_bursty(t.kind) && (t.kind != TriggerKind::FunctionUrl || t.public_url);
    if (!bursty) continue;
    if (c.severity != Severity::High) {
      c.severity = Severity::High;
      c.why = with_article(trigger_name(t)) + " can start invocations in bursts";
    }
    c.evidence.push_back({t.range, "invoked by " + with_article(trigger_name(t))});
  }
  std::vector<ExternalHost> hosts = external_hosts(fn);
  if (!hosts.empty()) {
    if (c.severity != Severity::High) {
      c.severity = Severity::High;
      c.why = "it calls " + hosts.front().host + ", a host outside AWS that cannot scale with it";
    }
    for (const auto& h : hosts) c.evidence.push_back({h.variable->value->where, "calls " + h.host});
  }
  if (reaches_internet_via_nat(model, fn)) {
    if (c.severity != Severity::High) {
      c.severity = Severity::High;
      c.why = "it reaches the internet through a NAT gateway, so it may call hosts that cannot scale with it";
    }
    if (const FunctionNetwork* net = model.network_of(fn)) {
      for (const NatGateway* nat : net->nats)
        c.evidence.push_back({nat->resource->declaration, "its subnets route to the internet through this NAT gateway"});
    }
  }
  if (c.severity == Severity::High) return c;
  bool quiet_inputs = true;
  for (const auto& t : fn.triggers) quiet_inputs = quiet_inputs && !is_bursty(t.kind);
  if (quiet_inputs && fn.environment_known) {
    c.severity = Severity::Low;
    c.why = "nothing in the code bursts into it and it reaches only AWS services";
    for (const auto& t : fn.triggers) c.evidence.push_back({t.range, "invoked by " + with_article(trigger_name(t))});
    return c;
  }
  if (!fn.environment_known) {
    c.why = "its environment is not known from the code, so it may call hosts outside AWS";
    return c;
  }
  for (const auto& t : fn.triggers) {
    if (!is_bursty(t.kind)) continue;
    c.why = "it is invoked by an authenticated " + trigger_name(t) + ", which can still send bursts";
    c.evidence.push_back({t.range, "invoked by " + with_article(trigger_name(t))});
    break;
  }
  return c;
}

// A function that only backs custom resources runs once per deployment, not per request.
bool only_deployment_triggers(const Function& fn) {
  if (fn.triggers.empty()) return false;
  for (const auto& t : fn.triggers)
    if (t.kind != TriggerKind::Deployment) return false;
  return true;
}

class RuleEPH401 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Function& fn : ctx.model().functions) {
      if (fn.cloud != Cloud::Aws) continue;  // other platforms: EPH403
      if (only_deployment_triggers(fn)) continue;
      const Value* reserved = fn.reserved_concurrency;
      Range at = fn.resource->declaration;
      if (reserved) {
        if (reserved->kind != Kind::Number || reserved->number != -1) continue;  // set, or unknown
        at = reserved->where.valid() ? reserved->where : at;
      }
      Context c = assess(ctx.model(), fn);
      std::string message(fn.label);
      message += " '" + fn.address() + "' has no concurrency ceiling" +
                 std::string(reserved ? " (reserved concurrency -1 removes it)" : "") + ": " + c.why +
                 ". Reserve concurrency for it (reserved_concurrent_executions / ReservedConcurrentExecutions) "
                 "sized to what its downstreams can take.";
      Finding& f = ctx.report(at, message, fn.address());
      f.severity = c.severity;
      f.related = std::move(c.evidence);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH401() { return std::make_unique<RuleEPH401>(); }

}  // namespace eph::rules
