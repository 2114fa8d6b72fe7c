// EPH401 unbounded-concurrency: an AWS function with no concurrency ceiling. The severity
// follows its traffic view: the worst inbound path, and whether bursts meet a finite
// downstream (an outside host, a data store in its network).
#include <string>

#include "rule_api/rule.h"

namespace eph::rules {
namespace {

// An SQS source without maximum concurrency is EPH402's finding, not this rule's.
bool left_to_eph402(const Inbound& in) {
  return in.kind == InboundKind::Queue && in.service == "sqs" && in.burst == Burst::Bursting;
}

struct Verdict {
  bool flag = true;
  Severity severity = Severity::Medium;
  std::string why;
  std::vector<RelatedLocation> evidence;
};

// Data stores by the service that names them (resource types and data-plane grants).
constexpr std::pair<std::string_view, std::string_view> kDataStoreNames[] = {
    {"rds", "RDS database"},           {"rds-db", "RDS database"},       {"elasticache", "ElastiCache cluster"},
    {"memorydb", "MemoryDB cluster"},  {"dax", "DAX cluster"},           {"neptune-db", "Neptune database"},
    {"kafka", "Kafka cluster"},        {"kafka-cluster", "Kafka cluster"}, {"redshift", "Redshift cluster"},
    {"es", "OpenSearch domain"},       {"docdb-elastic", "DocumentDB cluster"},
};

std::string data_store_name(std::string_view service) {
  for (const auto& [prefix, name] : kDataStoreNames)
    if (prefix == service) return std::string(name);
  return std::string(service) + " data store";
}

// The first finite downstream the function reaches: an outside host, then a data store.
bool finite_downstream(const FunctionServices* out, std::string& name, RelatedLocation& where) {
  if (!out) return false;
  if (!out->external_hosts.empty()) {
    const ExternalHostUse& h = out->external_hosts.front();
    name = h.host + " (a host outside AWS, named in its " + h.via + ")";
    where = {h.where, "calls " + h.host};
    return true;
  }
  if (!out->data_stores.empty()) {
    const ServiceUse& s = out->data_stores.front();
    name = "the " + data_store_name(s.service) + " it uses";
    if (!s.evidence.empty()) name += " (" + s.evidence.front().message + ")";
    where = s.evidence.empty() ? RelatedLocation{} : s.evidence.front();
    return true;
  }
  return false;
}

Verdict judge(const Model& model, const Function& fn) {
  Verdict v;
  bool any = false, any_traffic = false;
  const Inbound* open = nullptr;
  const Inbound* burst = nullptr;  // the worst other inbound that can burst
  for (const Inbound& in : fn.inbound) {
    any = true;
    if (in.burst == Burst::Deployment) continue;
    any_traffic = true;
    if (in.burst == Burst::Capped || left_to_eph402(in)) continue;
    if (in.burst == Burst::PublicOpen && !open) open = &in;
    if (in.burst != Burst::PublicOpen && (!burst || (burst->burst != Burst::PublicLimited && in.burst == Burst::PublicLimited)))
      burst = &in;
  }
  if (any && (!any_traffic || (!open && !burst))) {
    v.flag = false;  // deployment-time only, or every source is capped (or EPH402's)
    return v;
  }
  if (!any) {
    v.severity = Severity::Low;
    v.why = "no trigger in this code; whatever invokes it from elsewhere can start it in bursts";
    return v;
  }
  std::string downstream;
  RelatedLocation down_at;
  bool finite = finite_downstream(model.services_of(fn), downstream, down_at);
  const Inbound& decided = open ? *open : *burst;
  v.evidence.push_back({decided.range, "invoked by " + with_article(describe(decided)) +
                                           (decided.why.empty() ? "" : " (" + decided.why + ")")});
  if (open) {
    v.severity = Severity::High;
    v.why = with_article(describe(*open)) + " (" + open->why + ") feeds it";
    if (finite) v.why += ", and it calls " + downstream;
  } else if (finite) {
    v.severity = Severity::High;
    v.why = with_article(describe(*burst)) + (burst->why.empty() ? "" : " (" + burst->why + ")") +
            " can burst into " + downstream;
  } else {
    v.severity = Severity::Medium;
    v.why = with_article(describe(*burst)) + (burst->why.empty() ? "" : " (" + burst->why + ")") +
            " can start invocations in bursts";
  }
  if (finite && down_at.range.valid()) v.evidence.push_back(down_at);
  return v;
}

class RuleEPH401 final : public Rule {
 public:
  void check(RuleContext& ctx) const override {
    for (const Function& fn : ctx.model().functions) {
      if (fn.cloud != Cloud::Aws) continue;  // other platforms: EPH403
      const Value* reserved = fn.reserved_concurrency;
      Range at = fn.resource->declaration;
      if (reserved) {
        if (reserved->kind != Kind::Number || reserved->number != -1) continue;  // set, or unknown
        at = reserved->where.valid() ? reserved->where : at;
      }
      Verdict v = judge(ctx.model(), fn);
      if (!v.flag) continue;
      std::string message(fn.label);
      message += " '" + fn.address() + "' has no concurrency ceiling" +
                 std::string(reserved ? " (reserved concurrency -1 removes it)" : "") + ": " + v.why +
                 ". Reserve concurrency for it (reserved_concurrent_executions / ReservedConcurrentExecutions) "
                 "sized to what its downstreams can take.";
      Finding& f = ctx.report(at, message, fn.address());
      f.severity = v.severity;
      f.related = std::move(v.evidence);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_EPH401() { return std::make_unique<RuleEPH401>(); }

}  // namespace eph::rules
