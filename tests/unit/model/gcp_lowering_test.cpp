// Google Cloud in the model, on hand-built units: how functions attach to subnets (Cloud Run
// v1 annotations and v2 blocks, Functions 2nd gen direct VPC egress), the Cloud NATs that
// serve them, the allow-lists they must pass, and who may invoke them and what they run as.
#include <doctest/doctest.h>

#include <memory>

#include "model/model.h"
#include "model/value_paths.h"
#include "report/inspect_lowered.h"
#include "unit/model/hand_built.h"

using namespace eph;
using namespace eph::hand_built;

namespace {

constexpr const char* kRegion = "europe-west1";

// A network "vpc" with subnet "run" (region europe-west1), a router, a reserved address and a
// Cloud NAT serving every subnet with the allocation given.
void add_network(LoadedUnit& unit, const std::string& allocation) {
  unit.resources.push_back(resource("google_compute_network", "google_compute_network.vpc", map({{"name", str("vpc")}})));
  unit.resources.push_back(resource("google_compute_subnetwork", "google_compute_subnetwork.run",
                                    map({{"name", str("run")},
                                         {"region", str(kRegion)},
                                         {"network", ref("google_compute_network.vpc", "id")}})));
  unit.resources.push_back(resource("google_compute_router", "google_compute_router.r",
                                    map({{"network", ref("google_compute_network.vpc", "id")}})));
  unit.resources.push_back(resource("google_compute_address", "google_compute_address.egress", map({{"name", str("egress")}})));
  unit.resources.push_back(resource("google_compute_router_nat", "google_compute_router_nat.nat",
                                    map({{"router", ref("google_compute_router.r", "name")},
                                         {"region", str(kRegion)},
                                         {"nat_ip_allocate_option", str(allocation)},
                                         {"nat_ips", list({ref("google_compute_address.egress", "self_link")})},
                                         {"source_subnetwork_ip_ranges_to_nat", str("ALL_SUBNETWORKS_ALL_IP_RANGES")}})));
}

Value v2_service(Value vpc_access, Value env = list({})) {
  return map({{"name", str("api")},
              {"template", map({{"vpc_access", std::move(vpc_access)},
                                {"containers", list({map({{"image", str("img")}, {"env", std::move(env)}})})}})}});
}

// A Cloud Run v1 service whose revision template carries `annotations`.
Value v1_service(Value annotations) {
  return map({{"name", str("legacy")},
              {"template", map({{"metadata", map({{"annotations", std::move(annotations)}})},
                                {"spec", map({{"containers", list({map({{"image", str("img")}})})}})}})}});
}

// A string that encodes a JSON document, as the front-ends write it: the text and, decoded,
// the document.
Value json_text(std::string text, Value document) {
  Value v = str(std::move(text));
  v.decoded = std::make_shared<const Value>(std::move(document));
  return v;
}

const NativeResource* find(const LoadedUnit& unit, std::string_view address) {
  for (const auto& r : unit.resources)
    if (r.address == address) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("Cloud Run v2 direct VPC egress with ALL_TRAFFIC leaves through the manual Cloud NAT of its subnet") {
  LoadedUnit unit;
  add_network(unit, "MANUAL_ONLY");
  unit.resources.push_back(resource(
      "google_cloud_run_v2_service", "google_cloud_run_v2_service.api",
      v2_service(map({{"egress", str("ALL_TRAFFIC")},
                      {"network_interfaces", list({map({{"subnetwork", ref("google_compute_subnetwork.run", "id")}})})}}))));
  Model model = build_model(unit);
  REQUIRE(model.network.nat_gateways.size() == 1);
  const NatGateway& nat = model.network.nat_gateways.front();
  CHECK(nat.cloud == Cloud::Gcp);
  CHECK(nat.only_manual_addresses);
  CHECK(nat.serves_every_subnet);
  REQUIRE(nat.addresses.size() == 1);
  CHECK(nat.addresses[0] == find(unit, "google_compute_address.egress"));
  REQUIRE(nat.client_subnets.size() == 1);
  CHECK(nat.client_subnets[0]->resource == find(unit, "google_compute_subnetwork.run"));

  REQUIRE(model.functions.size() == 1);
  const FunctionNetwork* net = model.network_of(model.functions.front());
  REQUIRE(net != nullptr);
  CHECK(net->known);
  CHECK(net->all_traffic);
  CHECK(string_of(net->egress_setting) == "ALL_TRAFFIC");
  CHECK(net->egress == Egress::Nat);
  REQUIRE(net->nats.size() == 1);
  CHECK(net->nats[0] == &nat);
}

TEST_CASE("an automatic Cloud NAT has no manual addresses; a subnet list it cannot read leaves its clients unknown") {
  LoadedUnit unit;
  add_network(unit, "AUTO_ONLY");
  unit.resources.push_back(resource("google_compute_router_nat", "google_compute_router_nat.listed",
                                    map({{"router", ref("google_compute_router.r", "name")},
                                         {"region", str(kRegion)},
                                         {"nat_ip_allocate_option", str("AUTO_ONLY")},
                                         {"source_subnetwork_ip_ranges_to_nat", str("LIST_OF_SUBNETWORKS")},
                                         {"subnetwork", list({map({{"name", ref("google_compute_subnetwork.run", "id")}}),
                                                              map({{"name", ref("module.net", "subnet_id")}})})}})));
  Model model = build_model(unit);
  REQUIRE(model.network.nat_gateways.size() == 2);
  CHECK_FALSE(model.network.nat_gateways[0].only_manual_addresses);
  const NatGateway& listed = model.network.nat_gateways[1];
  CHECK_FALSE(listed.serves_every_subnet);
  CHECK_FALSE(listed.clients_known);
  REQUIRE(listed.client_subnets.size() == 1);
  CHECK(listed.client_subnets[0]->resource == find(unit, "google_compute_subnetwork.run"));
}

TEST_CASE("Cloud Run v1 reads its connector, interfaces and egress setting from annotations") {
  SUBCASE("a connector and all-traffic") {
    LoadedUnit unit;
    add_network(unit, "MANUAL_ONLY");
    unit.resources.push_back(resource("google_vpc_access_connector", "google_vpc_access_connector.c",
                                      map({{"name", str("c")},
                                           {"region", str(kRegion)},
                                           {"subnet", map({{"name", ref("google_compute_subnetwork.run", "name")}})}})));
    unit.resources.push_back(resource("google_cloud_run_service", "google_cloud_run_service.legacy",
                                      v1_service(map({{"run.googleapis.com/vpc-access-connector", str("c")},
                                                      {"run.googleapis.com/vpc-access-egress", str("all-traffic")}}))));
    Model model = build_model(unit);
    const FunctionNetwork* net = model.network_of(model.functions.front());
    REQUIRE(net != nullptr);
    REQUIRE(net->connector != nullptr);
    CHECK(net->connector->resource == find(unit, "google_vpc_access_connector.c"));
    CHECK(net->all_traffic);
    CHECK(net->nats.size() == 1);
  }
  SUBCASE("direct VPC egress: JSON interfaces naming the subnet, default egress") {
    LoadedUnit unit;
    add_network(unit, "MANUAL_ONLY");
    unit.resources.push_back(resource(
        "google_cloud_run_service", "google_cloud_run_service.legacy",
        v1_service(map({{"run.googleapis.com/network-interfaces",
                         json_text(R"([{"network":"vpc","subnetwork":"run"}])",
                                   list({map({{"network", str("vpc")}, {"subnetwork", str("run")}})}))}}))));
    Model model = build_model(unit);
    const FunctionNetwork* net = model.network_of(model.functions.front());
    REQUIRE(net != nullptr);
    CHECK(net->known);
    CHECK_FALSE(net->all_traffic);  // private ranges only, the default
    CHECK(net->egress_setting == nullptr);
    REQUIRE(net->subnets.size() == 1);
    CHECK(net->subnets[0].subnet->resource == find(unit, "google_compute_subnetwork.run"));
  }
  SUBCASE("direct VPC egress: a self link names the subnet, all-traffic") {
    LoadedUnit unit;
    add_network(unit, "MANUAL_ONLY");
    unit.resources.push_back(resource(
        "google_cloud_run_service", "google_cloud_run_service.legacy",
        v1_service(map({{"run.googleapis.com/network-interfaces",
                         json_text("[...]", list({map({{"subnetwork", str("projects/p/regions/europe-west1/subnetworks/run")}})}))},
                        {"run.googleapis.com/vpc-access-egress", str("all-traffic")}}))));
    Model model = build_model(unit);
    const FunctionNetwork* net = model.network_of(model.functions.front());
    REQUIRE(net != nullptr);
    CHECK(net->known);
    CHECK(net->all_traffic);
    CHECK(net->egress == Egress::Nat);
  }
  SUBCASE("interfaces that cannot be decoded leave the network unknown") {
    LoadedUnit unit;
    add_network(unit, "MANUAL_ONLY");
    unit.resources.push_back(resource("google_cloud_run_service", "google_cloud_run_service.legacy",
                                      v1_service(map({{"run.googleapis.com/network-interfaces", ref("var.interfaces")},
                                                      {"run.googleapis.com/vpc-access-egress", str("all-traffic")}}))));
    Model model = build_model(unit);
    const FunctionNetwork* net = model.network_of(model.functions.front());
    REQUIRE(net != nullptr);
    CHECK_FALSE(net->known);
    CHECK(net->egress == Egress::Unknown);
  }
  SUBCASE("annotations the code cannot know: the network and the instance ceiling are unknown") {
    LoadedUnit unit;
    add_network(unit, "MANUAL_ONLY");
    unit.resources.push_back(
        resource("google_cloud_run_service", "google_cloud_run_service.legacy", v1_service(ref("var.annotations"))));
    Model model = build_model(unit);
    const Function& fn = model.functions.front();
    REQUIRE(fn.max_instances != nullptr);
    CHECK(fn.max_instances->is_unknown());
    const FunctionNetwork* net = model.network_of(fn);
    REQUIRE(net != nullptr);
    CHECK_FALSE(net->known);
    CHECK_FALSE(net->all_traffic_known);
  }
  SUBCASE("a subnet name that two subnets share stays unknown") {
    LoadedUnit unit;
    add_network(unit, "MANUAL_ONLY");
    unit.resources.push_back(resource("google_compute_subnetwork", "google_compute_subnetwork.run_us",
                                      map({{"name", str("run")},
                                           {"region", str("us-central1")},
                                           {"network", ref("google_compute_network.vpc", "id")}})));
    unit.resources.push_back(resource(
        "google_cloud_run_service", "google_cloud_run_service.legacy",
        v1_service(map({{"run.googleapis.com/network-interfaces",
                         json_text("[...]", list({map({{"subnetwork", str("run")}})}))}}))));
    Model model = build_model(unit);
    const FunctionNetwork* net = model.network_of(model.functions.front());
    REQUIRE(net != nullptr);
    CHECK_FALSE(net->known);
  }
}

TEST_CASE("Cloud Functions 2nd gen direct VPC egress reads direct_vpc_egress") {
  LoadedUnit unit;
  add_network(unit, "AUTO_ONLY");
  unit.resources.push_back(resource(
      "google_cloudfunctions2_function", "google_cloudfunctions2_function.f",
      map({{"name", str("f")},
           {"service_config",
            map({{"direct_vpc_egress", str("VPC_EGRESS_PRIVATE_RANGES_ONLY")},
                 {"direct_vpc_network_interface", list({map({{"subnetwork", ref("google_compute_subnetwork.run", "id")}})})}})}})));
  Model model = build_model(unit);
  const FunctionNetwork* net = model.network_of(model.functions.front());
  REQUIRE(net != nullptr);
  CHECK(net->known);
  CHECK_FALSE(net->all_traffic);
  CHECK(string_of(net->egress_setting) == "VPC_EGRESS_PRIVATE_RANGES_ONLY");
}

TEST_CASE("a Cloud Armor allow-list names the functions that call the load balancer it guards, when it denies the rest") {
  auto unit_with = [](bool deny_the_rest) {
    LoadedUnit unit;
    Value rules = list({map({{"action", str("allow")},
                             {"match", map({{"config", map({{"src_ip_ranges", list({str("198.51.100.7/32")})}})}})}})});
    if (deny_the_rest)
      rules.items.push_back(map({{"action", str("deny(403)")},
                                 {"match", map({{"config", map({{"src_ip_ranges", list({str("*")})}})}})}}));
    unit.resources.push_back(resource("google_compute_security_policy", "google_compute_security_policy.p",
                                      map({{"rule", std::move(rules)}})));
    unit.resources.push_back(resource("google_compute_backend_service", "google_compute_backend_service.b",
                                      map({{"security_policy", ref("google_compute_security_policy.p", "id")}})));
    unit.resources.push_back(resource("google_compute_url_map", "google_compute_url_map.m",
                                      map({{"default_service", ref("google_compute_backend_service.b", "id")}})));
    unit.resources.push_back(resource("google_compute_target_https_proxy", "google_compute_target_https_proxy.t",
                                      map({{"url_map", ref("google_compute_url_map.m", "id")}})));
    unit.resources.push_back(resource("google_compute_global_address", "google_compute_global_address.a", map({})));
    unit.resources.push_back(resource("google_compute_global_forwarding_rule", "google_compute_global_forwarding_rule.f",
                                      map({{"target", ref("google_compute_target_https_proxy.t", "id")},
                                           {"ip_address", ref("google_compute_global_address.a", "id")}})));
    unit.resources.push_back(resource(
        "google_cloud_run_v2_service", "google_cloud_run_v2_service.api",
        v2_service(list({}), list({map({{"name", str("API")}, {"value", ref("google_compute_global_address.a", "address")}})}))));
    return unit;
  };
  SUBCASE("deny *: an allow-list") {
    LoadedUnit unit = unit_with(true);
    Model model = build_model(unit);
    REQUIRE(model.allow_list_entries.size() == 1);  // the allow rule's entry; the deny rule lists none
    const AllowListEntry& e = model.allow_list_entries.front();
    CHECK(e.subject == "Cloud Armor security policy");
    CHECK(string_of(e.address) == "198.51.100.7/32");
    REQUIRE(e.callers.size() == 1);
    CHECK(e.callers[0] == &model.functions.front());
    CHECK_FALSE(e.fix.empty());
    auto json = lowered_json(model);
    CHECK(json["allow_list_entries"][0]["callers"][0] == "google_cloud_run_v2_service.api");
  }
  SUBCASE("allow by default: not an allow-list") {
    LoadedUnit unit = unit_with(false);
    Model model = build_model(unit);
    REQUIRE(model.allow_list_entries.size() == 1);
    CHECK(model.allow_list_entries.front().callers.empty());
  }
}

TEST_CASE("a bucket IP filter names the functions whose runtime environment refers to the bucket") {
  auto bucket = [](std::string mode, bool vpc_sources) {
    Value filter = map({{"mode", str(std::move(mode))},
                        {"public_network_source", map({{"allowed_ip_cidr_ranges", list({str("203.0.113.0/28")})}})}});
    if (vpc_sources) filter.set("vpc_network_sources", list({map({{"network", str("projects/p/global/networks/vpc")}})}));
    return resource("google_storage_bucket", "google_storage_bucket.b", map({{"ip_filter", std::move(filter)}}));
  };
  auto gen1 = [](std::string address, Value runtime_env, Value build_env) {
    return resource("google_cloudfunctions_function", std::move(address),
                    map({{"environment_variables", std::move(runtime_env)},
                         {"build_environment_variables", std::move(build_env)}}));
  };
  SUBCASE("runtime environment: a caller; build environment: not") {
    LoadedUnit unit;
    unit.resources.push_back(bucket("Enabled", false));
    unit.resources.push_back(gen1("google_cloudfunctions_function.reader",
                                  map({{"BUCKET", ref("google_storage_bucket.b", "name")}}), map({})));
    unit.resources.push_back(gen1("google_cloudfunctions_function.builder", map({}),
                                  map({{"BUCKET", ref("google_storage_bucket.b", "url")}})));
    Model model = build_model(unit);
    REQUIRE(model.allow_list_entries.size() == 1);
    const AllowListEntry& e = model.allow_list_entries.front();
    CHECK(e.subject == "Cloud Storage bucket IP filter");
    REQUIRE(e.callers.size() == 1);
    CHECK(e.callers[0]->resource->address == "google_cloudfunctions_function.reader");
    REQUIRE(e.caller_evidence.size() == 1);
  }
  SUBCASE("a disabled filter admits everyone: no entries") {
    LoadedUnit unit;
    unit.resources.push_back(bucket("Disabled", false));
    Model model = build_model(unit);
    CHECK(model.allow_list_entries.empty());
  }
  SUBCASE("VPC sources: functions that may pass by their network are left out, the others stay") {
    LoadedUnit unit;
    add_network(unit, "AUTO_ONLY");
    unit.resources.push_back(bucket("Enabled", true));
    unit.resources.push_back(resource(
        "google_cloud_run_v2_service", "google_cloud_run_v2_service.api",
        v2_service(map({{"egress", str("ALL_TRAFFIC")},
                        {"network_interfaces", list({map({{"subnetwork", ref("google_compute_subnetwork.run", "id")}})})}}),
                   list({map({{"name", str("B")}, {"value", ref("google_storage_bucket.b", "name")}})}))));
    unit.resources.push_back(gen1("google_cloudfunctions_function.reader",
                                  map({{"BUCKET", ref("google_storage_bucket.b", "name")}}), map({})));
    Model model = build_model(unit);
    REQUIRE(model.allow_list_entries.size() == 1);
    const AllowListEntry& e = model.allow_list_entries.front();
    REQUIRE(e.callers.size() == 1);
    CHECK(e.callers[0]->resource->address == "google_cloudfunctions_function.reader");
  }
}

TEST_CASE("Google's published netblocks in an allow-list are shared ranges; IAP's are not") {
  LoadedUnit unit;
  unit.resources.push_back(resource("data.google_netblock_ip_ranges", "data.google_netblock_ip_ranges.cloud", map({})));
  unit.resources.push_back(resource("data.google_netblock_ip_ranges", "data.google_netblock_ip_ranges.iap",
                                    map({{"range_type", str("iap-forwarders")}})));
  unit.resources.push_back(resource(
      "google_access_context_manager_access_level", "google_access_context_manager_access_level.l",
      map({{"basic", map({{"conditions", list({map({{"ip_subnetworks",
                                                     list({ref("data.google_netblock_ip_ranges.cloud", "cidr_blocks_ipv4"),
                                                           ref("data.google_netblock_ip_ranges.iap", "cidr_blocks_ipv4")})}})})}})}})));
  Model model = build_model(unit);
  REQUIRE(model.allow_list_entries.size() == 2);
  CHECK(model.allow_list_entries[0].subject == "VPC Service Controls access level");
  CHECK(model.allow_list_entries[0].shared_ranges == "Google's published ranges (cloud-netblocks)");
  CHECK(model.allow_list_entries[1].shared_ranges.empty());
  auto json = lowered_json(model);
  CHECK(json["allow_list_entries"][0]["shared_ranges"] == "Google's published ranges (cloud-netblocks)");
  CHECK_FALSE(json["allow_list_entries"][1].contains("shared_ranges"));
}

TEST_CASE("invoker bindings on Cloud Run and Functions, and the roles a function's service account holds") {
  LoadedUnit unit;
  unit.resources.push_back(resource("google_service_account", "google_service_account.run", map({{"account_id", str("run")}})));
  unit.resources.push_back(resource(
      "google_cloud_run_v2_service", "google_cloud_run_v2_service.api",
      map({{"name", str("api")}, {"template", map({{"service_account", ref("google_service_account.run", "email")}})}})));
  unit.resources.push_back(resource("google_cloudfunctions_function", "google_cloudfunctions_function.hook",
                                    map({{"name", str("hook")}})));
  unit.resources.push_back(resource("google_cloud_run_v2_service_iam_member", "google_cloud_run_v2_service_iam_member.public",
                                    map({{"name", ref("google_cloud_run_v2_service.api", "name")},
                                         {"role", str("roles/run.invoker")},
                                         {"member", str("allUsers")}})));
  unit.resources.push_back(resource("google_cloudfunctions_function_iam_binding", "google_cloudfunctions_function_iam_binding.b",
                                    map({{"cloud_function", str("hook")},
                                         {"role", str("roles/cloudfunctions.invoker")},
                                         {"members", list({str("allAuthenticatedUsers"), str("user:a@example.com")})}})));
  unit.resources.push_back(resource("google_project_iam_member", "google_project_iam_member.editor",
                                    map({{"project", str("p")},
                                         {"role", str("roles/editor")},
                                         {"member", ref("google_service_account.run", "member")}})));
  Model model = build_model(unit);
  REQUIRE(model.functions.size() == 2);
  const Function& api = model.functions[0];
  const Function& hook = model.functions[1];
  CHECK(api.default_identity == DefaultIdentity::None);
  REQUIRE(api.identity_resources.size() == 1);
  CHECK(hook.default_identity == DefaultIdentity::GcpAppEngine);  // 1st gen runs as App Engine's account

  REQUIRE(model.invoke_permissions.size() == 3);
  CHECK(model.invoke_permissions[0].function == &api);
  CHECK(string_of(model.invoke_permissions[0].principal) == "allUsers");
  CHECK(string_of(model.invoke_permissions[0].role) == "roles/run.invoker");
  CHECK(model.invoke_permissions[1].function == &hook);  // named by its literal name
  CHECK(string_of(model.invoke_permissions[2].principal) == "user:a@example.com");

  REQUIRE(model.role_grants.size() == 1);
  const RoleGrant& g = model.role_grants.front();
  CHECK(g.scope_kind == GrantScope::Project);
  CHECK(grant_applies_to(g, api));
  CHECK_FALSE(grant_applies_to(g, hook));
}

TEST_CASE("a Private Service Connect endpoint for Google APIs is a Google Cloud endpoint in its network") {
  LoadedUnit unit;
  add_network(unit, "AUTO_ONLY");
  unit.resources.push_back(resource("google_compute_global_forwarding_rule", "google_compute_global_forwarding_rule.psc",
                                    map({{"target", str("all-apis")},
                                         {"network", ref("google_compute_network.vpc", "id")}})));
  Model model = build_model(unit);
  REQUIRE(model.network.endpoints.size() == 1);
  const VpcEndpoint& e = model.network.endpoints.front();
  CHECK(e.cloud == Cloud::Gcp);
  CHECK(e.resource == find(unit, "google_compute_global_forwarding_rule.psc"));
  REQUIRE(e.vpc != nullptr);
  CHECK(e.vpc->resource == find(unit, "google_compute_network.vpc"));
}
