#include "report/inspect_lowered.h"

#include "report/inspect_traffic.h"

namespace eph {
namespace {

using Json = nlohmann::ordered_json;

Json fact(const Value* v) {
  Json j;
  j["value"] = v->is_unknown() ? std::string("(unknown)") : v->display();
  if (v->where.valid()) j["at"] = inspect_position(v->where);
  return j;
}

Json function_json(const Function& fn) {
  Json j;
  j["function"] = fn.address();
  j["cloud"] = std::string(to_string(fn.cloud));
  j["label"] = std::string(fn.label);
  j["at"] = inspect_position(fn.resource->declaration);
  if (fn.name) j["name"] = fact(fn.name);
  Json settings = Json::array();
  for (const EnvVar& var : fn.environment) {
    Json s;
    s["name"] = var.name;
    s["holder"] = std::string(var.holder);
    if (var.value) s["value"] = fact(var.value);
    settings.push_back(std::move(s));
  }
  j["settings"] = std::move(settings);
  if (!fn.environment_known) j["settings_known"] = false;
  return j;
}

Json allow_list_json(const AllowListEntry& e) {
  Json j;
  j["resource"] = e.resource->address;
  j["cloud"] = std::string(to_string(e.cloud));
  j["subject"] = e.subject;
  if (e.address) j["address"] = fact(e.address);
  if (e.range_end) j["range_end"] = fact(e.range_end);
  if (e.address_only) j["address_only"] = true;
  if (!e.shared_pool.empty()) j["shared_pool"] = e.shared_pool;
  if (!e.shared_ranges.empty()) j["shared_ranges"] = e.shared_ranges;
  if (e.egress_of) j["egress_of"] = e.egress_of->address();
  if (!e.callers.empty()) {
    Json callers = Json::array();
    for (const Function* fn : e.callers) callers.push_back(fn->address());
    j["callers"] = std::move(callers);
  }
  return j;
}

Json gate_json(const BypassableGate& g) {
  Json j;
  j["function"] = g.function->address();
  j["default_host"] = g.default_host;
  j["enabled"] = fact(g.enabled);
  j["domain"] = g.domain->address;
  j["hostname"] = g.hostname;
  j["gate"] = g.gate->address;
  return j;
}

}  // namespace

nlohmann::ordered_json lowered_json(const Model& model) {
  Json j;
  Json functions = Json::array();
  for (const Function& fn : model.functions) functions.push_back(function_json(fn));
  j["functions"] = std::move(functions);
  Json entries = Json::array();
  for (const AllowListEntry& e : model.allow_list_entries) entries.push_back(allow_list_json(e));
  j["allow_list_entries"] = std::move(entries);
  Json gates = Json::array();
  for (const BypassableGate& g : model.bypassable_gates) gates.push_back(gate_json(g));
  j["bypassable_gates"] = std::move(gates);
  return j;
}

}  // namespace eph
