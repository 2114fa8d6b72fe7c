#pragma once
// Serverless Framework services: serverless.yml / .yaml / .json with `service` and
// `provider` at the top level, one unit per service file; never read as CloudFormation.
#include "formats/source_format.h"

namespace eph {

const SourceFormat& serverless_format();

}  // namespace eph
