// Merging findings reached more than once at one place.
#include <doctest/doctest.h>

#include "core/message_shape.h"
#include "engine/analyzer.h"

using namespace eph;

namespace {

Finding at(const SourceFile& file, std::string rule, std::string resource, std::string message) {
  Finding f;
  f.rule_id = std::move(rule);
  f.range = Range{&file, 10, 20};
  f.resource = std::move(resource);
  f.message = std::move(message);
  return f;
}

}  // namespace

TEST_CASE("findings that differ only in the resource that reached them are merged") {
  SourceFile file("t.yaml", std::string(40, ' '));
  std::vector<Finding> findings = {
      at(file, "EPH301", "B", "secret in B's environment"),
      at(file, "EPH301", "A", "secret in A's environment"),
  };
  order_findings(findings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("also reported for 1 other resource: B") != std::string::npos);
}

TEST_CASE("different findings of one resource at one place stay separate") {
  SourceFile file("t.yaml", std::string(40, ' '));
  std::vector<Finding> findings = {
      at(file, "EPH201", "Api", "Api uses s3"),
      at(file, "EPH201", "Api", "Api uses dynamodb"),
      at(file, "EPH201", "Worker", "Worker uses s3"),
  };
  order_findings(findings);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message == "Api uses dynamodb");
  CHECK(findings[1].message.find("Api uses s3 (also reported for 1 other resource: Worker)") == 0);
}

TEST_CASE("one place reached from several module instances is one finding naming the others") {
  SourceFile file("modules/fn/main.tf", std::string(40, ' '));
  auto url = [&](std::string instance) {
    return at(file, "EPH601", instance + "aws_lambda_function_url.u",
              "Function URL " + instance + "aws_lambda_function_url.u of " + instance +
                  "aws_lambda_function.f has authorization type NONE");
  };
  std::vector<Finding> findings = {url("module.b."), url("module.a."), url("module.c[\"x.y\"]."),
                                   url("module.outer.module.a[0].")};
  order_findings(findings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "Function URL module.a.aws_lambda_function_url.u of module.a.aws_lambda_function.f has authorization type "
        "NONE (also reported for 3 other resources: module.b.aws_lambda_function_url.u, "
        "module.c[\"x.y\"].aws_lambda_function_url.u, module.outer.module.a[0].aws_lambda_function_url.u)");
}

TEST_CASE("module instances that tell different stories at one place stay separate") {
  SourceFile file("modules/fn/variables.tf", std::string(40, ' '));
  std::vector<Finding> findings = {
      at(file, "EPH401", "module.a.aws_lambda_function.f", "module.a.aws_lambda_function.f: a function URL can start it"),
      at(file, "EPH401", "module.b.aws_lambda_function.f", "module.b.aws_lambda_function.f: no trigger in this code"),
  };
  order_findings(findings);
  CHECK(findings.size() == 2);
}

TEST_CASE("the module instance prefix of an address") {
  CHECK(module_instance_prefix("aws_lambda_function.f") == "");
  CHECK(module_instance_prefix("Api") == "");
  CHECK(module_instance_prefix("module.a.aws_x.y") == "module.a.");
  CHECK(module_instance_prefix("module.a[\"k.]\"].module.b[2].aws_x.y[0]") == "module.a[\"k.]\"].module.b[2].");
  CHECK(module_instance_prefix("module.broken[\"k") == "");
  CHECK(module_instance_prefix("module.a") == "");
}
