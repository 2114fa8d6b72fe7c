#pragma once
// Values from outside the sources that a format's loader may use, each format its own.
#include "serverless/serverless_inputs.h"
#include "terraform/terraform_frontend.h"

namespace eph {

struct SourceInputs {
  const terraform::TerraformInputs& terraform;
  const serverless::ServerlessInputs& serverless;
};

}  // namespace eph
