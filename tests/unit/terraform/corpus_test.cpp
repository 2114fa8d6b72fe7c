// Every Terraform directory of the real-world corpus loads without a crash or a parse
// error, and evaluated values on terraform-aws-modules examples are what Terraform computes.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>

#include "core/disk_file_provider.h"
#include "memory_files.h"
#include "syntax/hcl/hcl_tree.h"
#include "unit/corpus_manifest.h"

using namespace eph;
using namespace eph::tftest;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(testing::corpus_dir()) / "terraform";

std::vector<std::string> module_dirs() {
  std::set<std::string> dirs;
  if (!fs::exists(kCorpus)) return {};
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && (name.ends_with(".tf") || name.ends_with(".tf.json")))
      dirs.insert(entry.path().parent_path().string());
  }
  return {dirs.begin(), dirs.end()};
}

LoadedUnit load_corpus_dir(const std::string& relative) {
  DiskFileProvider provider({kCorpus.string()});
  return terraform::load_module((kCorpus / relative).string(), {}, provider, {});
}

}  // namespace

TEST_CASE("corpus: every Terraform directory loads, parse errors only where the manifest expects them" * doctest::test_suite("corpus")) {
  std::vector<std::string> dirs = module_dirs();
  if (dirs.empty()) return;  // corpus absent
  // Directories holding a file the corpus marks as broken HCL must report a parse error there;
  // every other directory must load without one.
  const fs::path corpus = kCorpus.parent_path();
  std::set<std::string> broken_dirs;
  for (const auto& [rel, expect] : testing::read_corpus_manifest(corpus))
    if (expect == "hcl-error") broken_dirs.insert((corpus / rel).parent_path().string());
  DiskFileProvider provider({kCorpus.string()});
  size_t resources = 0, broken_seen = 0;
  for (const auto& dir : dirs) {
    LoadedUnit unit = terraform::load_module(dir, {}, provider, {});
    resources += unit.resources.size();
    bool expect_broken = broken_dirs.count(dir) > 0;
    bool parse_error = false;
    for (const auto& d : unit.diagnostics) {
      INFO(dir << ": " << to_location(d.range).line << " " << d.message);
      if (d.kind == Diagnostic::Kind::ParseError) parse_error = true;
      if (!expect_broken) CHECK(d.kind != Diagnostic::Kind::ParseError);
      CHECK(d.kind != Diagnostic::Kind::LimitReached);
    }
    if (expect_broken) {
      INFO(dir << ": the manifest marks a file here as hcl-error");
      CHECK(parse_error);
      ++broken_seen;
    }
  }
  CHECK(broken_seen == broken_dirs.size());
  CHECK(resources > 500);
}

TEST_CASE("corpus: evaluated values in terraform-aws-modules examples" * doctest::test_suite("corpus")) {
  if (!fs::exists(kCorpus)) return;
  SUBCASE("lambda simple example: function name through module inputs and random_pet") {
    LoadedUnit unit = load_corpus_dir("terraform-aws-lambda/examples/simple");
    const NativeResource* fn = find_resource(unit, "module.lambda_function.aws_lambda_function.this[0]");
    REQUIRE(fn);
    const Value* name = fn->body.get("function_name");
    REQUIRE(name);
    CHECK(name->is_unknown());  // "${random_pet.this.id}-lambda1": id is known after apply
    CHECK(fn->body.get("handler")->text == "index.lambda_handler");
    CHECK(fn->body.get("runtime")->text == "python3.12");
  }
  SUBCASE("vpc examples: cidr from a local through the module input, tags merged") {
    LoadedUnit unit = load_corpus_dir("terraform-aws-vpc/examples/simple");
    const NativeResource* vpc = find_resource(unit, "module.vpc.aws_vpc.this[0]");
    REQUIRE(vpc);
    const Value* cidr = vpc->body.get("cidr_block");
    CHECK(cidr->text == "10.0.0.0/16");
    CHECK(cidr->where.file->path().ends_with("examples/simple/main.tf"));  // where the literal is written
    CHECK(vpc->body.at("tags/Name")->text == "ex-simple");
    LoadedUnit complete = load_corpus_dir("terraform-aws-vpc/examples/complete");
    const NativeResource* vpc2 = find_resource(complete, "module.vpc.aws_vpc.this[0]");
    REQUIRE(vpc2);
    CHECK(vpc2->body.get("cidr_block")->text == "10.0.0.0/16");
    CHECK(vpc2->body.get("enable_dns_hostnames")->boolean);
  }
  SUBCASE("serverless pattern: literal values, references kept as edges") {
    LoadedUnit unit = load_corpus_dir("serverless-patterns/apigw-http-api-lambda-terraform");
    const NativeResource* fn = find_resource(unit, "aws_lambda_function.app");
    REQUIRE(fn);
    CHECK(fn->body.get("function_name")->text == "test_apigw_integration");
    const Value* key = fn->body.get("s3_key");
    CHECK(key->text == "source.zip");
    REQUIRE(key->refs.size() == 1);
    CHECK(key->refs[0].address == "aws_s3_object.lambda_app");
    const Value* role = fn->body.get("role");
    CHECK(role->is_unknown());
    CHECK(role->refs[0].address == "aws_iam_role.lambda_exec");
    CHECK(role->refs[0].attribute == "arn");
  }
  SUBCASE("lambda module: its assume-role policy document evaluated as the provider renders it") {
    LoadedUnit unit = load_corpus_dir("terraform-aws-lambda/examples/simple");
    const NativeResource* role = find_resource(unit, "module.lambda_function.aws_iam_role.lambda[0]");
    REQUIRE(role);
    const Value* policy = role->body.get("assume_role_policy");
    REQUIRE(policy);
    REQUIRE(policy->decoded);
    CHECK(policy->decoded->at("Statement/0/Action")->text == "sts:AssumeRole");
    CHECK(policy->decoded->at("Statement/0/Principal/Service")->text == "lambda.amazonaws.com");
  }
}
