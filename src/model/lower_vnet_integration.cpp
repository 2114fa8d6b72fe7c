// Azure Function Apps integrated with a virtual network: the subnet they send traffic into
// (`virtual_network_subnet_id`, or a swift connection for the legacy resource types), what
// enters the VNet (RFC 1918 and service-endpoint traffic only, unless route-all is on), the
// NAT gateways on that subnet, the private endpoints of its VNet, and the resources the
// function calls that service or private endpoints could carry.
#include <algorithm>

#include "model/lowering.h"
#include "model/network_lowering.h"
#include "model/ref_resolver.h"
#include "model/value_paths.h"

namespace eph {
namespace {

struct IntegrationRow {
  std::string_view type;
  std::string_view subnet;     // empty: only a swift connection attaches it
  std::string_view route_all;  // the route-all switch
};
constexpr IntegrationRow kIntegrations[] = {
    {"azurerm_linux_function_app", "virtual_network_subnet_id", "site_config/vnet_route_all_enabled"},
    {"azurerm_windows_function_app", "virtual_network_subnet_id", "site_config/vnet_route_all_enabled"},
    {"azurerm_linux_function_app_slot", "virtual_network_subnet_id", "site_config/vnet_route_all_enabled"},
    {"azurerm_windows_function_app_slot", "virtual_network_subnet_id", "site_config/vnet_route_all_enabled"},
    {"azurerm_function_app", "", "site_config/vnet_route_all_enabled"},       // removed in azurerm 5
    {"azurerm_function_app_slot", "", "site_config/vnet_route_all_enabled"},  // removed in azurerm 5
};
struct SwiftRow {
  std::string_view type, app, subnet;
};
constexpr SwiftRow kSwiftConnections[] = {
    {"azurerm_app_service_virtual_network_swift_connection", "app_service_id", "subnet_id"}};
// Peerings: private endpoints of a peered VNet (a hub) serve the function's VNet too.
struct PeeringRow {
  std::string_view type, local, remote;
};
constexpr PeeringRow kPeerings[] = {
    {"azurerm_virtual_network_peering", "virtual_network_name", "remote_virtual_network_id"}};
// The older switch, as an app setting: "1" (or "true") routes everything.
constexpr std::string_view kRouteAllSetting = "WEBSITE_VNET_ROUTE_ALL";

// Resources a function calls that a service endpoint or private endpoint serves; children
// (a container, a secret, a database) stand for their parent through `parent`.
struct ServiceRow {
  std::string_view type, service, label, parent;
};
constexpr ServiceRow kServices[] = {
    {"azurerm_storage_account", "Microsoft.Storage", "storage account", ""},
    {"data.azurerm_storage_account", "Microsoft.Storage", "storage account", ""},
    {"azurerm_storage_container", "Microsoft.Storage", "storage account", "storage_account_id|storage_account_name"},
    {"azurerm_storage_queue", "Microsoft.Storage", "storage account", "storage_account_id|storage_account_name"},
    {"azurerm_storage_table", "Microsoft.Storage", "storage account", "storage_account_id|storage_account_name"},
    {"azurerm_storage_share", "Microsoft.Storage", "storage account", "storage_account_id|storage_account_name"},
    {"azurerm_key_vault", "Microsoft.KeyVault", "key vault", ""},
    {"data.azurerm_key_vault", "Microsoft.KeyVault", "key vault", ""},
    {"azurerm_key_vault_secret", "Microsoft.KeyVault", "key vault", "key_vault_id"},
    {"data.azurerm_key_vault_secret", "Microsoft.KeyVault", "key vault", "key_vault_id"},
    {"azurerm_key_vault_key", "Microsoft.KeyVault", "key vault", "key_vault_id"},
    {"azurerm_key_vault_certificate", "Microsoft.KeyVault", "key vault", "key_vault_id"},
    {"azurerm_mssql_server", "Microsoft.Sql", "SQL server", ""},
    {"data.azurerm_mssql_server", "Microsoft.Sql", "SQL server", ""},
    {"azurerm_sql_server", "Microsoft.Sql", "SQL server", ""},
    {"azurerm_mssql_database", "Microsoft.Sql", "SQL server", "server_id"},
    {"azurerm_sql_database", "Microsoft.Sql", "SQL server", "server_name"},
};
// Settings the function reads at run time (not the host's own storage credential).
constexpr std::string_view kRuntimeHolders[] = {"app setting", "connection string"};

const ServiceRow* service_row(std::string_view type) {
  for (const auto& row : kServices)
    if (row.type == type) return &row;
  return nullptr;
}

bool written(const Value* v) { return v && !v->is_null(); }

// The resource that serves a use of `r` (its parent for a child), or null.
const NativeResource* served_resource(const RefResolver& refs, const NativeResource* r, const ServiceRow** row_out) {
  const ServiceRow* row = service_row(r->type);
  if (!row) return nullptr;
  *row_out = row;
  for (std::string_view paths = row->parent; !paths.empty();) {
    size_t bar = paths.find('|');
    const Value* v = at_path(r->body, paths.substr(0, bar));
    paths = bar == std::string_view::npos ? std::string_view() : paths.substr(bar + 1);
    if (!written(v)) continue;
    return refs.one(v, [&](const NativeResource* c) {
      const ServiceRow* p = service_row(c->type);
      return p && p->parent.empty() && p->service == row->service;
    });
  }
  return row->parent.empty() ? r : nullptr;
}

// The storage account the Functions host itself runs on: its traffic is the platform's
// (content share, triggers), configured apart from the app's own calls.
constexpr std::string_view kHostStorage = "storage_account_name";

void add_use(const RefResolver& refs, FunctionNetwork& fn_net, const NativeResource* r, Range at, std::string via) {
  const ServiceRow* row = nullptr;
  const NativeResource* served = served_resource(refs, r, &row);
  if (!served) return;
  for (const RefTarget& t : refs.targets(at_path(fn_net.function->resource->body, kHostStorage)))
    if (t.resource == served) return;
  for (const ResourceUse& u : fn_net.resource_uses)
    if (u.resource == served) return;
  fn_net.resource_uses.push_back(ResourceUse{served, std::string(row->service), row->label, at, std::move(via)});
}

void read_uses(const RefResolver& refs, const Model& model, const Function& fn, FunctionNetwork& fn_net) {
  for (const EnvVar& var : fn.environment) {
    if (!var.value || std::find(std::begin(kRuntimeHolders), std::end(kRuntimeHolders), var.holder) == std::end(kRuntimeHolders))
      continue;
    for (const RefTarget& t : refs.targets(var.value))
      add_use(refs, fn_net, t.resource, var.value->where.valid() ? var.value->where : var.name_range,
              std::string(var.holder) + " " + var.name);
  }
  for (const RoleGrant& g : model.role_grants) {
    if (g.cloud != Cloud::Azure || !grant_applies_to(g, fn)) continue;
    for (const RefTarget& t : refs.targets(g.scope))
      add_use(refs, fn_net, t.resource, g.role && g.role->where.valid() ? g.role->where : g.resource->declaration,
              "role assignment " + g.resource->address);
  }
}

// The private endpoints of the function's VNet and of the VNets peered with it. A peering to
// a network the code does not hold may bring endpoints the code cannot see.
void add_private_endpoints(const RefResolver& refs, const Model& model, FunctionNetwork& fn_net) {
  std::vector<const Vpc*> networks{fn_net.vpc};
  auto vpc_of = [&](const Value* v) {
    return model.network.vpc(refs.one(v, [&](const NativeResource* c) { return model.network.vpc(c) != nullptr; }));
  };
  for (const NativeResource& r : model.unit->resources)
    for (const auto& row : kPeerings) {
      if (r.type != row.type || vpc_of(at_path(r.body, row.local)) != fn_net.vpc) continue;
      const Vpc* remote = vpc_of(at_path(r.body, row.remote));
      if (!remote || !remote->endpoints_known) fn_net.known = false;
      else if (std::find(networks.begin(), networks.end(), remote) == networks.end()) networks.push_back(remote);
    }
  for (const Vpc* v : networks)
    for (const VpcEndpoint* e : v->endpoints)
      if (!e->may_not_exist) fn_net.endpoints.push_back(e);
}

// Route-all from `site_config` or the app setting: on when either is on.
void read_route_all(const Function& fn, const IntegrationRow& row, FunctionNetwork& fn_net) {
  fn_net.all_traffic = false;
  auto consider = [&](const Value* v) {
    if (!written(v)) return;
    bool on = (v->kind == Kind::Bool && v->boolean) || string_of(v) == "true" || string_of(v) == "1";
    bool off = (v->kind == Kind::Bool && !v->boolean) || string_of(v) == "false" || string_of(v) == "0";
    if (!on && !off) {
      if (!fn_net.all_traffic) fn_net.all_traffic_known = false;
      if (!fn_net.egress_setting) fn_net.egress_setting = v;
      return;
    }
    if (on) {
      fn_net.all_traffic = true;
      fn_net.all_traffic_known = true;
      fn_net.egress_setting = v;
    } else if (!fn_net.egress_setting) {
      fn_net.egress_setting = v;
    }
  };
  consider(at_path(fn.resource->body, row.route_all));
  for (const EnvVar& var : fn.environment)
    if (var.name == kRouteAllSetting) consider(var.value);
  if (!fn.environment_known && !fn_net.all_traffic) fn_net.all_traffic_known = false;
}

void attach(const RefResolver& refs, Model& model, const Function& fn, const IntegrationRow& row) {
  Network& net = model.network;
  const Value* subnet = row.subnet.empty() ? nullptr : at_path(fn.resource->body, row.subnet);
  if (!written(subnet)) {
    subnet = nullptr;
    for (const NativeResource& r : model.unit->resources)
      for (const auto& swift : kSwiftConnections)
        if (r.type == swift.type)
          for (const RefTarget& t : refs.targets(at_path(r.body, swift.app)))
            if (t.resource == fn.resource) subnet = at_path(r.body, swift.subnet);
  }
  if (!written(subnet)) return;

  FunctionNetwork& fn_net = net.functions.emplace_back();
  fn_net.function = &fn;
  fn_net.attachment = subnet->where.valid() ? subnet->where : fn.resource->declaration;
  read_route_all(fn, row, fn_net);
  const Subnet* s = azure_subnet_of(refs, net, subnet);
  fn_net.known = s && s->vpc && s->route_table_known && !fn.resource->may_not_exist;
  if (s) {
    fn_net.subnets.push_back({subnet, s});
    fn_net.vpc = s->vpc;
  }
  for (const NatGateway& nat : net.nat_gateways) {
    if (nat.cloud != Cloud::Azure) continue;
    if (!nat.clients_known && (!nat.vpc || nat.vpc == fn_net.vpc)) fn_net.known = false;
    if (s && std::find(nat.client_subnets.begin(), nat.client_subnets.end(), s) != nat.client_subnets.end())
      fn_net.nats.push_back(&nat);
  }
  if (fn_net.vpc) add_private_endpoints(refs, model, fn_net);
  // Only what enters the VNet can take its NAT gateway.
  fn_net.egress = !fn_net.known || !fn_net.all_traffic_known ? Egress::Unknown
                  : fn_net.all_traffic && !fn_net.nats.empty() ? Egress::Nat
                                                               : Egress::None;
  read_uses(refs, model, fn, fn_net);
}

}  // namespace

void attach_functions_to_vnets(const RefResolver& refs, Model& model) {
  for (const Function& fn : model.functions)
    for (const auto& row : kIntegrations)
      if (row.type == fn.resource->type) attach(refs, model, fn, row);
}

}  // namespace eph
