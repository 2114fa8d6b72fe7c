#pragma once
// What the Serverless Framework generates from a resolved serverless.yml, written as the
// SAM-shaped CloudFormation template the rest of the engine already reads: one
// AWS::Serverless::Function per function (logical id <Name>LambdaFunction) with its events,
// the execution role IamRoleLambdaExecution (per-function roles of the
// serverless-iam-roles-per-function plugin), ApiGatewayRestApi / HttpApi / WebsocketsApi,
// load balancer targets, API keys, and the `resources:` section merged over them. Every
// generated value is positioned where serverless.yml wrote what it stands for.
#include <vector>

#include "core/resource.h"
#include "core/value.h"

namespace eph::serverless {

// `config` is the resolved serverless.yml (variables.h); `stage` the stage it was resolved for.
// Null when the provider is not AWS (nothing is generated). `names` receives how messages
// name the generated functions and events in the user's words, longest phrases first.
Value generated_template(const Value& config, const std::string& stage, std::vector<ShownName>& names);

}  // namespace eph::serverless
