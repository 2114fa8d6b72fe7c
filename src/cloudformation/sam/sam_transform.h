#pragma once
// The parts of the SAM transform the analysis needs, applied to evaluated resources:
// Globals merged into each serverless resource, Policies normalised (policy templates
// expanded), and the implicit APIs SAM creates for Api/HttpApi events.
// AWS::Serverless::* resources keep their type; the semantic model lowers them.
#include <string>
#include <vector>

#include "core/resource.h"

namespace eph::cloudformation::sam {

// True when the template's Transform names AWS::Serverless-2016-10-31.
bool is_sam_template(const Value& root);

// Logical ids of the implicit APIs SAM will create for this (unevaluated) template, so
// that references to them (`!Ref ServerlessRestApi`) become graph edges.
std::vector<std::string> implicit_api_ids(const Value& root);

// `globals` is the evaluated Globals section (or Null).
void apply_sam_transform(const Value& globals, std::vector<NativeResource>& resources);

}  // namespace eph::cloudformation::sam
