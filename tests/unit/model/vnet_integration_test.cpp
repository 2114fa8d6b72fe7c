// Azure VNet integration in the model: a Function App's subnet and route-all setting, the
// subnet's service endpoints (azurerm 4 and 5), private endpoints, NAT gateway associations,
// flow logs through an NSG, and the resources the function calls.
#include <doctest/doctest.h>

#include "model/azure_paths.h"
#include "model/model.h"
#include "model/value_paths.h"
#include "unit/model/hand_built.h"

using namespace eph;
using namespace eph::hand_built;

namespace {

Value boolean(bool b) {
  Value v;
  v.kind = Kind::Bool;
  v.boolean = b;
  return v;
}

LoadedUnit integrated_unit(Value route_all, Value service_endpoints) {
  LoadedUnit unit;
  unit.resources.push_back(resource("azurerm_virtual_network", "azurerm_virtual_network.app", map({{"name", str("app")}})));
  unit.resources.push_back(resource("azurerm_subnet", "azurerm_subnet.fn",
                                    map({{"virtual_network_name", ref("azurerm_virtual_network.app", "name")},
                                         {"service_endpoints", std::move(service_endpoints)}})));
  unit.resources.push_back(resource("azurerm_nat_gateway", "azurerm_nat_gateway.nat", map({})));
  unit.resources.push_back(resource("azurerm_subnet_nat_gateway_association", "azurerm_subnet_nat_gateway_association.a",
                                    map({{"subnet_id", ref("azurerm_subnet.fn", "id")},
                                         {"nat_gateway_id", ref("azurerm_nat_gateway.nat", "id")}})));
  unit.resources.push_back(resource("azurerm_storage_account", "azurerm_storage_account.data", map({})));
  unit.resources.push_back(resource("azurerm_key_vault", "azurerm_key_vault.kv", map({})));
  unit.resources.push_back(resource("azurerm_key_vault_secret", "azurerm_key_vault_secret.s",
                                    map({{"key_vault_id", ref("azurerm_key_vault.kv", "id")}})));
  unit.resources.push_back(resource(
      "azurerm_linux_function_app", "azurerm_linux_function_app.fa",
      map({{"name", str("fa")},
           {"virtual_network_subnet_id", ref("azurerm_subnet.fn", "id")},
           {"app_settings", map({{"DATA", ref("azurerm_storage_account.data", "primary_blob_endpoint")},
                                 {"SECRET", ref("azurerm_key_vault_secret.s", "versionless_id")}})},
           {"site_config", list({map({{"vnet_route_all_enabled", std::move(route_all)}})})}})));
  return unit;
}

}  // namespace

TEST_CASE("a Function App integrated with a subnet: route-all, NAT gateway, service endpoints and uses") {
  LoadedUnit unit = integrated_unit(boolean(true), list({str("Microsoft.Storage")}));
  Model model = build_model(unit);
  REQUIRE(model.functions.size() == 1);
  const FunctionNetwork* fn_net = model.network_of(model.functions.front());
  REQUIRE(fn_net != nullptr);
  CHECK(fn_net->known);
  CHECK(fn_net->all_traffic);
  CHECK(fn_net->all_traffic_known);
  REQUIRE(fn_net->subnets.size() == 1);
  const Subnet& subnet = *fn_net->subnets.front().subnet;
  CHECK(subnet.cloud == Cloud::Azure);
  REQUIRE(subnet.vpc != nullptr);
  CHECK(subnet.vpc->resource->address == "azurerm_virtual_network.app");
  REQUIRE(fn_net->nats.size() == 1);
  CHECK(fn_net->nats.front()->resource->address == "azurerm_nat_gateway.nat");
  CHECK(fn_net->egress == Egress::Nat);
  // The storage account directly, the key vault through its secret.
  REQUIRE(fn_net->resource_uses.size() == 2);
  CHECK(fn_net->resource_uses[0].resource->address == "azurerm_storage_account.data");
  CHECK(fn_net->resource_uses[0].service == "Microsoft.Storage");
  CHECK(fn_net->resource_uses[1].resource->address == "azurerm_key_vault.kv");
  CHECK(fn_net->resource_uses[1].via == "app setting SECRET");
  CHECK(has_private_path(*fn_net, fn_net->resource_uses[0]));
  CHECK_FALSE(has_private_path(*fn_net, fn_net->resource_uses[1]));
}

TEST_CASE("route-all off keeps the NAT gateway out of the function's egress; unknown service endpoints are unknown") {
  LoadedUnit unit = integrated_unit(boolean(false), Value::unknown());
  Model model = build_model(unit);
  const FunctionNetwork* fn_net = model.network_of(model.functions.front());
  REQUIRE(fn_net != nullptr);
  CHECK_FALSE(fn_net->all_traffic);
  CHECK(fn_net->all_traffic_known);
  CHECK(fn_net->egress == Egress::None);
  CHECK_FALSE(fn_net->subnets.front().subnet->service_endpoints_known);
}

TEST_CASE("azurerm 5 service_endpoint blocks, inline subnets, private endpoints and NSG flow logs") {
  LoadedUnit unit;
  unit.resources.push_back(resource(
      "azurerm_virtual_network", "azurerm_virtual_network.app",
      map({{"subnet", list({map({{"name", str("fn")}, {"service_endpoint", list({map({{"service", str("Microsoft.Sql")}})})}})})}})));
  unit.resources.push_back(resource("azurerm_network_security_group", "azurerm_network_security_group.nsg", map({})));
  unit.resources.push_back(resource("azurerm_subnet_network_security_group_association", "azurerm_subnet_network_security_group_association.a",
                                    map({{"subnet_id", ref("azurerm_virtual_network.app", "subnet")},
                                         {"network_security_group_id", ref("azurerm_network_security_group.nsg", "id")}})));
  unit.resources.push_back(resource("azurerm_network_watcher_flow_log", "azurerm_network_watcher_flow_log.f",
                                    map({{"network_security_group_id", ref("azurerm_network_security_group.nsg", "id")},
                                         {"enabled", boolean(true)}})));
  unit.resources.push_back(resource("azurerm_storage_account", "azurerm_storage_account.data", map({})));
  unit.resources.push_back(resource(
      "azurerm_private_endpoint", "azurerm_private_endpoint.pe",
      map({{"subnet_id", ref("azurerm_virtual_network.app", "subnet")},
           {"private_service_connection", list({map({{"private_connection_resource_id", ref("azurerm_storage_account.data", "id")},
                                                     {"subresource_names", list({str("blob")})}})})}})));
  unit.resources.push_back(resource("azurerm_windows_function_app", "azurerm_windows_function_app.fa",
                                    map({{"virtual_network_subnet_id", ref("azurerm_virtual_network.app", "subnet")},
                                         {"app_settings", map({{"WEBSITE_VNET_ROUTE_ALL", str("1")}})}})));
  Model model = build_model(unit);
  const FunctionNetwork* fn_net = model.network_of(model.functions.front());
  REQUIRE(fn_net != nullptr);
  CHECK(fn_net->known);
  CHECK(fn_net->all_traffic);
  REQUIRE(fn_net->subnets.size() == 1);
  const Subnet& subnet = *fn_net->subnets.front().subnet;
  CHECK(string_of(service_endpoint_for(subnet, "Microsoft.Sql")) == "Microsoft.Sql");
  CHECK(service_endpoint_for(subnet, "Microsoft.Storage") == nullptr);
  REQUIRE(fn_net->endpoints.size() == 1);
  CHECK(fn_net->endpoints.front()->target->address == "azurerm_storage_account.data");
  CHECK(fn_net->endpoints.front()->service == "blob");
  bool logged = false;
  for (const FlowLog& log : model.network.flow_logs) logged = logged || log.subnet == &subnet;
  CHECK(logged);
}

TEST_CASE("a legacy function app integrated through a swift connection; a subnet from a variable is unknown") {
  LoadedUnit unit;
  unit.resources.push_back(resource("azurerm_virtual_network", "azurerm_virtual_network.app", map({})));
  unit.resources.push_back(resource("azurerm_subnet", "azurerm_subnet.fn",
                                    map({{"virtual_network_name", ref("azurerm_virtual_network.app", "name")}})));
  unit.resources.push_back(resource("azurerm_function_app", "azurerm_function_app.legacy", map({})));
  unit.resources.push_back(resource("azurerm_app_service_virtual_network_swift_connection", "azurerm_app_service_virtual_network_swift_connection.s",
                                    map({{"app_service_id", ref("azurerm_function_app.legacy", "id")},
                                         {"subnet_id", ref("azurerm_subnet.fn", "id")}})));
  unit.resources.push_back(resource("azurerm_linux_function_app", "azurerm_linux_function_app.outside",
                                    map({{"virtual_network_subnet_id", Value::unknown()}})));
  Model model = build_model(unit);
  REQUIRE(model.functions.size() == 2);
  const FunctionNetwork* legacy = model.network_of(model.functions[0]);
  REQUIRE(legacy != nullptr);
  CHECK(legacy->known);
  CHECK_FALSE(legacy->all_traffic);
  CHECK(legacy->subnets.front().subnet->resource->address == "azurerm_subnet.fn");
  const FunctionNetwork* outside = model.network_of(model.functions[1]);
  REQUIRE(outside != nullptr);
  CHECK_FALSE(outside->known);
}
