#pragma once
// Terraform's JSON configuration syntax (.tf.json) into the same configuration tree as HCL.
#include <vector>

#include "core/finding.h"
#include "terraform/config_ast.h"

namespace eph::terraform {

// `root` is the positioned JSON document of one .tf.json file. Strings are templates
// ("${var.x}"); nested blocks are recognised by name where Terraform's schemas make them blocks.
Body build_json_body(const Value& root, std::vector<Diagnostic>& diagnostics);

}  // namespace eph::terraform
