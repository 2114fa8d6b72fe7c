#pragma once
// data "aws_iam_policy_document": the JSON document the AWS provider renders from the
// block, as a string whose `decoded` holds the document with every part positioned at the
// HCL where it was written.
#include "core/value.h"

namespace eph::terraform {

// `body` is the evaluated data source body; `where` positions the document as a whole.
// The result is a String (or, when parts are known only after apply, Unknown) with `decoded` set.
Value render_policy_document(const Value& body, Range where);

// Compact JSON text of a known value (nlohmann's formatting).
std::string to_json_text(const Value& v);

}  // namespace eph::terraform
