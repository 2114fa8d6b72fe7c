// Merging findings reached more than once at one place.
#include <doctest/doctest.h>

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
