#pragma once
// Hosts outside AWS that a function's environment points at: the evidence that a
// function needs internet egress (a NAT) or feeds a downstream AWS cannot scale for it.
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace eph {

struct ExternalHost {
  const EnvVar* variable = nullptr;
  std::string host;
};

// URLs (and host names under host-like variable names) whose host is neither an AWS
// service endpoint nor private (localhost, IP literals in private ranges, .internal, .local).
std::vector<ExternalHost> external_hosts(const Function& fn);

// The host of a URL-like or host-like string, lower-cased; empty when there is none.
std::string host_of(std::string_view value, bool host_like_name);

bool is_aws_service_host(std::string_view host);
bool is_private_host(std::string_view host);

}  // namespace eph
