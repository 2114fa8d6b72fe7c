#include "model/azure_paths.h"

#include <cctype>

#include "model/external_hosts.h"
#include "model/value_paths.h"

namespace eph {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// Azure service domains and the service endpoint that carries them.
constexpr std::pair<std::string_view, std::string_view> kServiceDomains[] = {
    {".core.windows.net", "Microsoft.Storage"},         {".vault.azure.net", "Microsoft.KeyVault"},
    {".database.windows.net", "Microsoft.Sql"},         {".servicebus.windows.net", "Microsoft.ServiceBus"},
    {".documents.azure.com", "Microsoft.AzureCosmosDB"}, {".azurecr.io", "Microsoft.ContainerRegistry"},
};

}  // namespace

const Value* service_endpoint_for(const Subnet& subnet, std::string_view service) {
  for (const Value* v : subnet.service_endpoints) {
    std::string_view name = string_of(v);
    if (same_name(name, service)) return v;
    if (name.size() > service.size() && name[service.size()] == '.' && same_name(name.substr(0, service.size()), service))
      return v;
  }
  return nullptr;
}

const VpcEndpoint* private_endpoint_for(const FunctionNetwork& fn_net, const NativeResource* resource) {
  for (const VpcEndpoint* e : fn_net.endpoints)
    if (e->target && e->target == resource) return e;
  return nullptr;
}

bool has_private_path(const FunctionNetwork& fn_net, const ResourceUse& use) {
  for (const auto& path : fn_net.subnets)
    if (path.subnet && service_endpoint_for(*path.subnet, use.service)) return true;
  return private_endpoint_for(fn_net, use.resource) != nullptr;
}

const EnvVar* host_beyond_private_paths(const Function& fn, const Subnet& subnet, bool& known) {
  known = fn.environment_known;
  for (const auto& var : fn.environment) {
    if (!var.value) continue;
    if (var.value->is_unknown() && var.value->refs.empty()) known = false;
    if (var.value->kind != Kind::String) continue;
    std::string host = host_in_value(var.value->text, var.name);
    if (host.empty() || is_private_host(host)) continue;
    bool carried = false;
    for (const auto& [domain, service] : kServiceDomains)
      if (host.ends_with(domain) && service_endpoint_for(subnet, service)) carried = true;
    if (!carried) return &var;
  }
  return nullptr;
}

}  // namespace eph
