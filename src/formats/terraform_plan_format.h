#pragma once
// `terraform show -json` output: one unit per plan, a companion of the configuration beside it.
#include "formats/source_format.h"

namespace eph {

const SourceFormat& terraform_plan_format();

}  // namespace eph
