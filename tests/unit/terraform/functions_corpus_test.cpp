// The functions on real-world inputs from the corpus: policy files read with file(), and the
// validation patterns modules pass to regex(). Skips cleanly without the corpus.
#include <filesystem>

#include "core/disk_file_provider.h"
#include "function_test_support.h"
#include "unit/corpus_manifest.h"

using namespace eph;
using eph::test::Harness;

namespace {

const std::string kCorpus = testing::corpus_dir().string();

}  // namespace

TEST_CASE("corpus: IAM policy files next to Terraform decode with positions" * doctest::test_suite("corpus")) {
  const std::string root = kCorpus + "/terraform/serverless-patterns";
  const std::string modules[] = {root + "/firehose-transformation-terraform/modules/lambda",
                                 root + "/lambda-esm-kinesis-filters-terraform/modules/lambda"};
  if (!std::filesystem::exists(modules[0])) {
    MESSAGE("corpus not present: skipped");
    return;
  }
  DiskFileProvider fs({kCorpus});
  for (const auto& dir : modules) {
    Harness h;
    h.ctx.fs = &fs;
    h.ctx.module_dir = dir;
    h.ctx.scan_root = normalize_path(kCorpus);
    // As written in the module: file("${path.module}/iam_role_for_lambda.json").
    Value policy = h.call("file", {Value::string_of(dir + "/iam_role_for_lambda.json")});
    REQUIRE_MESSAGE(policy.is_string(), dir);
    REQUIRE(policy.decoded);
    const Value* service = policy.decoded->at("Statement/0/Principal/Service");
    REQUIRE(service);
    CHECK(service->text == "lambda.amazonaws.com");
    CHECK(service->where.file == h.adopted.at(0).get());
    CHECK(service->where.text() == "\"lambda.amazonaws.com\"");
    // Relative to the module, the same file.
    CHECK(h.call("file", {Value::string_of("iam_role_for_lambda.json")}).text == policy.text);
    // Never above the scanned tree.
    CHECK(h.call("file", {Value::string_of(dir + "/../../../../../../../etc/hostname")}).is_unknown());
  }
}

TEST_CASE("corpus: validation patterns from the corpus modules run as RE2 would" * doctest::test_suite("corpus")) {
  struct Row {
    const char* pattern;
    const char* text;
    bool matches;
  };
  const Row rows[] = {
      {R"(^(cron|rate)\(.*\)$)", "rate(5 minutes)", true},
      {R"(^[^@]+@[^@]+\.[^@]+$)", "ops@example.com", true},
      {R"(^[a-z0-9][a-z0-9-]*[a-z0-9]$)", "orders-api", true},
      {R"(^[a-z0-9][a-z0-9-]*[a-z0-9]$)", "Orders", false},
      {R"(^[a-z0-9][a-z0-9\-]{1,20}$)", "bucket-1", true},
      {R"(^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$)", "my.function_1", true},
      {R"(^[a-z]{2}-[a-z]+-[0-9]+$)", "eu-west-1", true},
      {R"(^arn:aws:ses:[a-z0-9-]+:[0-9]{12}:identity/.+$)", "arn:aws:ses:us-east-1:123456789012:identity/x.com", true},
      {R"(^cron\(.*\s+\*\s+.*\s+\*\s+.*\)$)", "cron(0 * 1 * ? *)", true},
      {R"(^rate\([0-9]+\s+(minute|minutes|hour|hours|day|days)\)$)", "rate(5 minutes)", true},
      {R"(^rate\([0-9]+\s+(minute|minutes|hour|hours|day|days)\)$)", "rate(5 weeks)", false},
      {R"(^sg-[0-9a-f]{8,17}$)", "sg-0123456789abcdef0", true},
      {R"(^subnet-[0-9a-f]{8,17}$)", "subnet-0a1b", false},
  };
  for (const auto& row : rows) {
    Harness h;
    Value r = h.call("can", {h.call("regex", {Value::string_of(row.pattern), Value::string_of(row.text)})});
    REQUIRE_MESSAGE(r.kind == Kind::Bool, row.pattern);
    CHECK_MESSAGE(r.boolean == row.matches, row.pattern << " on " << row.text);
  }
  // The alternation picks the full word, as RE2's leftmost-first semantics do here.
  Harness h;
  Value groups = h.call("regex", {Value::string_of(R"(^rate\(([0-9]+)\s+(minute|minutes)\)$)"),
                                  Value::string_of("rate(5 minutes)")});
  CHECK(test::render(groups) == R"(["5","minutes"])");
}

TEST_CASE("corpus: decoding a sensitive string keeps every part sensitive" * doctest::test_suite("corpus")) {
  Harness h;
  Value secret = Value::string_of(R"({"user": "admin", "password": "hunter2"})");
  secret.marks = kSensitive;
  Value doc = h.call("jsondecode", {secret});
  CHECK(doc.get("password")->has_mark(kSensitive));
  CHECK(doc.get("user")->has_mark(kSensitive));
  Value yaml = h.call("yamldecode", {secret});
  CHECK(yaml.get("password")->has_mark(kSensitive));
}
