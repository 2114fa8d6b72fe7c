#pragma once
// CloudFormation and SAM templates (YAML, JSON): one unit per template.
#include "formats/source_format.h"

namespace eph {

const SourceFormat& cloudformation_format();

}  // namespace eph
