#pragma once
// IAM policy documents in any written form (a map, a JSON string, jsonencode(), a
// policy-document data source) normalised into statements with positions.
#include "model/model.h"

namespace eph {

// The document a policy attribute holds: the map itself, or the decoded content of a
// JSON string. Null when absent or not knowable.
const Value* policy_document_of(const Value* attribute);

// Reads the statements of `document` into `policy`.
void read_policy_statements(const Value& document, Policy& policy);

}  // namespace eph
