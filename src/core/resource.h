#pragma once
// Native resources: each format's resources with evaluated values, before lowering
// into the semantic model. Front-ends produce these; only the lowering reads `type`.
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/value.h"

namespace eph {

struct NativeResource {
  std::string type;       // "aws_lambda_function", "data.aws_iam_policy_document", "AWS::Serverless::Function"
  std::string address;    // full Terraform address with module path and instance key, or logical id
  std::string module;     // Terraform module path ("module.net"), empty at the root
  Range declaration;      // the `resource "T" "N"` header or the logical id key
  Value body;             // Terraform attributes and blocks (blocks as lists of maps) / CloudFormation Properties
  Value meta;             // CloudFormation Metadata (suppressions); empty map for Terraform
  bool may_not_exist = false;  // behind an unknown condition or count
};

// The output of one front-end run: one Terraform root module with its children,
// one template, or one plan.
// How to name, in messages, a thing whose id the front-end generated and the user never
// wrote: "HelloLambdaFunction" is "function hello" in a serverless.yml.
struct ShownName {
  std::string generated;  // a phrase of the messages rules write ("Lambda function HelloLambdaFunction")
  std::string written;    // the user's words for it ("function hello")
};

struct LoadedUnit {
  std::string name;                  // directory or file it came from
  std::string format;               // the name of the format that loaded it (formats/registry)
  std::vector<SourceFilePtr> files;  // every file that positions point into
  std::vector<NativeResource> resources;
  std::vector<Diagnostic> diagnostics;
  std::vector<ShownName> shown_names;  // longest phrases first
};

}  // namespace eph
