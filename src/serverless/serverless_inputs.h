#pragma once
// Values the Serverless Framework would take from the command line or the environment.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eph::serverless {

struct ServerlessInputs {
  std::optional<std::string> stage;                        // --stage / .ephemera.yaml; else provider.stage, else dev
  std::vector<std::pair<std::string, std::string>> env;    // ${env:NAME}, only as given (--var, .ephemera.yaml)
};

}  // namespace eph::serverless
