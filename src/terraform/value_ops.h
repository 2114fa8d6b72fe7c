#pragma once
// Small operations on positioned values that Terraform's expression semantics need:
// conversions, equality, and carrying marks and refs from inputs to results.
#include <optional>
#include <string>

#include "core/value.h"

namespace eph::terraform {

// Terraform's automatic conversions (string "5" -> 5, "true" -> true, 5 -> "5").
std::optional<double> to_number(const Value& v);
std::optional<bool> to_bool(const Value& v);
// How a primitive renders inside a template; nullopt for null, collections and unknown.
std::optional<std::string> to_template_string(const Value& v);
std::string format_number(double n);

// Deep equality of known values (positions, marks and refs ignored).
bool equal(const Value& a, const Value& b);

// Adds `from`'s marks and refs (deduplicated) to `into`.
void absorb(Value& into, const Value& from);
void add_ref(Value& into, const Ref& ref);

// Number of values inside `v` (itself included), counting stops after `cap`.
size_t weight(const Value& v, size_t cap);

// "aws_s3_bucket" from "module.a[0].aws_s3_bucket.b["k"]"; "aws_ssm_parameter" from "data.aws_ssm_parameter.p".
std::string resource_type_of(const std::string& address);

}  // namespace eph::terraform
