#pragma once
// Serverless Framework front-end (v3 and v4, provider aws): serverless.yml / .yaml / .json,
// its variables resolved (variables.h), lowered into what the framework would deploy
// (generated_template.h) and loaded as CloudFormation into native resources.
#include <string>
#include <string_view>

#include "core/file_provider.h"
#include "core/resource.h"
#include "serverless/serverless_inputs.h"

namespace eph::serverless {

// The framework's file names: serverless.yml, serverless.yaml, serverless.json.
bool service_file_name(std::string_view path);
// A service file by content: top-level `service` and `provider` keys.
bool looks_like_service(std::string_view text);

LoadedUnit load_service(const std::string& path, const FileProvider& fs, const ServerlessInputs& inputs);

}  // namespace eph::serverless
