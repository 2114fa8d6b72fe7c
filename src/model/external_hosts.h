#pragma once
// Hosts a function names (in its environment, its inline code, the API destinations it
// uses) and where they are: the one classifier every rule's view of "outside AWS" and
// "needs the internet" comes from.
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace eph {

enum class HostReach {
  Private,      // inside the network: localhost, private IP ranges, .internal, .local...
  AwsEndpoint,  // an AWS API domain, reachable through VPC endpoints
  AwsPublic,    // AWS, but only over the internet: function URLs, execute-api, CloudFront, AppSync
  Outside,      // a host outside AWS
};
HostReach reach_of_host(std::string_view host);

// The host a configuration value names: a URL's host, or a bare host name when the variable
// name says it holds one (`*_HOST`, `*_ENDPOINT`...) or the name ends in a common top-level
// domain ("api.stripe.com"). An object-store URI (`s3://bucket/key`, `gs://bucket/key`) names the
// store's API host. Lower-cased; empty when there is none.
std::string host_in_value(std::string_view value, std::string_view variable_name);

// The host of a URL-like or host-like string, lower-cased; empty when there is none.
std::string host_of(std::string_view value, bool host_like_name);

struct ExternalHost {
  const EnvVar* variable = nullptr;
  std::string host;
};
// Environment values whose host is outside AWS (HostReach::Outside).
std::vector<ExternalHost> external_hosts(const Function& fn);

bool is_aws_service_host(std::string_view host);
// Google APIs (*.googleapis.com), which Private Google Access and PSC endpoints reach.
bool is_google_api_host(std::string_view host);

// Google Cloud: the first host in the function's environment that is neither private nor a
// Google API (a reason it needs the internet); `known` is false when the environment (or a
// value from outside the code) could name any host.
const EnvVar* internet_host_beyond_google(const Function& fn, bool& known);
bool is_private_host(std::string_view host);

}  // namespace eph
