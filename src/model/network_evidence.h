#pragma once
// Evidence chains for network findings: the links from a function to where its traffic
// goes (function -> subnet -> route table -> default route -> NAT gateway), as related
// locations, with messages that name each resource.
#include <string>
#include <vector>

#include "core/finding.h"
#include "model/model.h"

namespace eph {

// The function's declaration, then each of its subnets with its route table and default
// route (and the NAT it leads to, once).
void append_path_evidence(const FunctionNetwork& fn_net, std::vector<RelatedLocation>& out);

// "Lambda function aws_lambda_function.api".
std::string describe(const Function& fn);

// "a, b and c".
std::string join_names(const std::vector<std::string>& names);

}  // namespace eph
