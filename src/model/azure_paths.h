#pragma once
// Azure private paths from a VNet-integrated Function App: the service endpoints of its
// subnet and the private endpoints of its VNet, and the hosts its settings name that neither
// reaches. The one reading EPH201 and EPH501 share on Azure.
#include <string_view>

#include "model/model.h"

namespace eph {

// The service endpoint of `subnet` that carries `service` ("Microsoft.Storage" is carried by
// "Microsoft.Storage" and "Microsoft.Storage.Global"), as written; null when there is none.
const Value* service_endpoint_for(const Subnet& subnet, std::string_view service);
// A private endpoint in the function's VNet that connects to `resource`; null when there is none.
const VpcEndpoint* private_endpoint_for(const FunctionNetwork& fn_net, const NativeResource* resource);
// Whether a use has a private path (a service endpoint on the subnet or a private endpoint).
bool has_private_path(const FunctionNetwork& fn_net, const ResourceUse& use);

// The first setting of the function that names a host outside the VNet which no service
// endpoint of `subnet` carries (a host outside Azure, or an Azure service without its
// endpoint); `known` is false when a setting could name any host.
const EnvVar* host_beyond_private_paths(const Function& fn, const Subnet& subnet, bool& known);

}  // namespace eph
