#pragma once
// Terraform configuration: .tf and .tf.json, grouped into root modules (a directory that no
// other scanned module calls as a local module); .tfvars read by the module they belong to.
#include "formats/source_format.h"

namespace eph {

const SourceFormat& terraform_format();

}  // namespace eph
