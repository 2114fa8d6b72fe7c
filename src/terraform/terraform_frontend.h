#pragma once
// Terraform front-end: HCL (tree-sitter) and JSON syntax, evaluated into native resources.
#include <string>
#include <utility>
#include <vector>

#include "core/file_provider.h"
#include "core/resource.h"

namespace eph::terraform {

// Values given from outside the code, in Terraform's precedence order (later wins):
// TF_VAR_ environment, terraform.tfvars, *.auto.tfvars (sorted), var files, vars.
struct TerraformInputs {
  std::vector<std::string> var_files;
  std::vector<std::pair<std::string, std::string>> vars;  // --var name=value
  std::vector<std::pair<std::string, std::string>> env;   // TF_VAR_name=value, already split
};

// Loads one root module: `files` (.tf, .tf.json; normally all of `dir`) plus the module's
// tfvars and its local child modules, read through `fs`.
LoadedUnit load_module(const std::string& dir, const std::vector<std::string>& files, const FileProvider& fs,
                       const TerraformInputs& inputs);

// Loads `terraform show -json` output; maps resources back to .tf sources when present.
LoadedUnit load_plan(const std::string& path, const FileProvider& fs);

}  // namespace eph::terraform
