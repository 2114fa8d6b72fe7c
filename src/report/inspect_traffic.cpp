#include "report/inspect_traffic.h"

namespace eph {
namespace {

using Json = nlohmann::ordered_json;

std::string at(const Range& r) { return inspect_position(r); }

std::string_view burst_name(Burst b) {
  switch (b) {
    case Burst::PublicOpen: return "public-open";
    case Burst::PublicLimited: return "public-limited";
    case Burst::Bursting: return "bursting";
    case Burst::Capped: return "capped";
    case Burst::Deployment: return "deployment-only";
  }
  return "";
}

Json inbound_json(const Inbound& in) {
  Json j;
  j["kind"] = std::string(to_string(in.kind));
  j["source"] = describe(in);
  if (!in.service.empty()) j["service"] = std::string(in.service);
  j["at"] = at(in.range);
  j["burst"] = std::string(burst_name(in.burst));
  if (!in.why.empty()) j["why"] = in.why;
  if (in.public_entry()) j["authenticated"] = in.authenticated;
  put_fact(j, "authorization", in.authorization);
  put_fact(j, "throttle", in.throttle);
  put_fact(j, "batch_size", in.batch_size);
  put_fact(j, "maximum_concurrency", in.max_concurrency);
  put_fact(j, "shard_count", in.shard_count);
  put_fact(j, "parallelization_factor", in.parallelization_factor);
  put_fact(j, "partitions", in.partitions);
  put_fact(j, "enabled", in.enabled);
  return j;
}

Json uses_json(const std::vector<ServiceUse>& uses, bool with_basis) {
  Json out = Json::array();
  for (const ServiceUse& use : uses) {
    Json j;
    j["service"] = use.service;
    if (with_basis) j["from_grant_only"] = use.from_grant_only;
    Json evidence = Json::array();
    for (const auto& e : use.evidence) evidence.push_back({{"at", at(e.range)}, {"message", e.message}});
    j["evidence"] = std::move(evidence);
    out.push_back(std::move(j));
  }
  return out;
}

Json outbound_json(const FunctionServices& out) {
  Json j;
  j["services"] = uses_json(out.services, true);
  j["services_complete"] = out.services_complete;
  j["data_stores"] = uses_json(out.data_stores, false);
  j["destinations"] = uses_json(out.destinations, false);
  Json hosts = Json::array();
  for (const auto& h : out.external_hosts)
    hosts.push_back({{"host", h.host}, {"outside_aws", h.outside_aws}, {"via", h.via}, {"at", at(h.where)}});
  j["hosts"] = std::move(hosts);
  j["hosts_complete"] = out.hosts_complete;
  Json egress;
  egress["verdict"] = std::string(to_string(out.egress));
  egress["description"] = describe_egress(out.egress, out.nats);
  Json nats = Json::array();
  for (const NatGateway* nat : out.nats) {
    Json n{{"nat", nat->resource->address}, {"at", at(nat->resource->declaration)}};
    if (nat->elastic_ip) n["elastic_ip"] = nat->elastic_ip->address;
    if (nat->published_address)
      n["published_as"] = {{"output", nat->published_address->address}, {"at", at(nat->published_address->declaration)}};
    nats.push_back(std::move(n));
  }
  egress["nats"] = std::move(nats);
  j["egress"] = std::move(egress);
  return j;
}

}  // namespace

void put_fact(nlohmann::ordered_json& j, const char* key, const Value* v) {
  if (!v) return;
  Json fact;
  fact["value"] = v->is_unknown() ? std::string("(unknown)") : v->display();
  if (v->where.valid()) fact["at"] = at(v->where);
  j[key] = std::move(fact);
}

std::string inspect_position(const Range& r) {
  if (!r.valid()) return "";
  Location l = to_location(r);
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column) + "-" + std::to_string(l.end_line) +
         ":" + std::to_string(l.end_column);
}

nlohmann::ordered_json traffic_json(const Model& model) {
  Json functions = Json::array();
  for (const Function& fn : model.functions) {
    Json j;
    j["function"] = fn.address();
    j["at"] = at(fn.resource->declaration);
    if (fn.cloud != Cloud::Aws) {
      j["cloud"] = std::string(cloud_name(fn.cloud));
      j["kind"] = std::string(fn.label);
      put_identity_json(j, model, fn);
      functions.push_back(std::move(j));
      continue;
    }
    Json inbound = Json::array();
    for (const Inbound& in : fn.inbound) inbound.push_back(inbound_json(in));
    j["inbound"] = std::move(inbound);
    if (const FunctionServices* out = model.services_of(fn)) j["outbound"] = outbound_json(*out);
    functions.push_back(std::move(j));
  }
  return functions;
}

}  // namespace eph
