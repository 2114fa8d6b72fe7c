#pragma once
// Input variable values: type conversions Terraform applies, and the root module's values
// from the environment, tfvars files and the command line, in Terraform's precedence.
#include <string>
#include <unordered_map>

#include "core/file_provider.h"
#include "terraform/expression_evaluator.h"
#include "terraform/module_config.h"
#include "terraform/terraform_frontend.h"

namespace eph::terraform {

// Converts `v` to the declared `type` where Terraform converts (primitives, collections of
// them, object attributes with optional() defaults). Values that do not convert stay as they are.
Value convert_to_type(Value v, const Expr* type, ExpressionEvaluator& ev);

using VariableValues = std::unordered_map<std::string, Value>;

// The root module's variable values given from outside the code: TF_VAR_ environment,
// terraform.tfvars(.json), *.auto.tfvars(.json) sorted, var files, --var (later wins).
// Files read become part of the unit through `adopt`.
VariableValues root_variable_values(const ModuleConfig& config, const FileProvider& fs, const TerraformInputs& inputs,
                                    const std::function<SourceFilePtr(const std::string&, std::string)>& adopt,
                                    EvalEnv& env);

}  // namespace eph::terraform
