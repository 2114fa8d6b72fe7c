// Loading `terraform show -json` output: resolved values, unknown and sensitive markers,
// addresses, graph edges from the configuration, and declarations in the .tf sources.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/disk_file_provider.h"
#include "terraform/functions.h"
#include "terraform/terraform_frontend.h"

using namespace eph;

namespace {

const std::string kDir = std::string(EPHEMERA_SOURCE_DIR) + "/tests/data/plan/serverless";

const NativeResource* find(const LoadedUnit& unit, std::string_view address) {
  for (const auto& r : unit.resources)
    if (r.address == address) return &r;
  return nullptr;
}

bool has_ref(const Value& v, std::string_view address, std::string_view attribute) {
  return std::any_of(v.refs.begin(), v.refs.end(),
                     [&](const Ref& r) { return r.address == address && r.attribute == attribute; });
}

class MemoryFiles : public FileProvider {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& path) const override {
    auto it = files.find(path);
    return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::vector<std::string> list(const std::string&, bool) const override { return {}; }
  bool is_directory(const std::string&) const override { return false; }
};

}  // namespace

TEST_CASE("plan: resources with their plan addresses and resolved values") {
  DiskFileProvider fs({kDir});
  LoadedUnit unit = terraform::load_plan(kDir + "/plan.json", fs);
  CHECK(unit.format == "terraform-plan");
  CHECK(unit.diagnostics.empty());
  std::vector<std::string> addresses;
  for (const auto& r : unit.resources) addresses.push_back(r.address);
  CHECK(addresses == std::vector<std::string>{"aws_iam_role.exec", "aws_iam_role_policy.read", "aws_s3_bucket.data",
                                              "aws_s3_bucket_policy.data", "module.vpc.aws_vpc.this[0]",
                                              "module.worker[0].aws_lambda_function.this",
                                              "data.aws_caller_identity.current"});
  const NativeResource* fn = find(unit, "module.worker[0].aws_lambda_function.this");
  REQUIRE(fn);
  CHECK(fn->type == "aws_lambda_function");
  CHECK(fn->module == "module.worker[0]");
  CHECK(fn->body.get("function_name")->text == "orders-worker");
  CHECK(fn->body.at("environment/variables/TABLE")->text == "orders");
  const NativeResource* caller = find(unit, "data.aws_caller_identity.current");
  REQUIRE(caller);
  CHECK(caller->type == "data.aws_caller_identity");
  CHECK(caller->body.get("account_id")->text == "123456789012");
}

TEST_CASE("plan: values known after apply are unknown; sensitive values are marked") {
  DiskFileProvider fs({kDir});
  LoadedUnit unit = terraform::load_plan(kDir + "/plan.json", fs);
  const NativeResource* fn = find(unit, "module.worker[0].aws_lambda_function.this");
  REQUIRE(fn);
  // Omitted from `values`, listed in after_unknown.
  const Value* role = fn->body.get("role");
  REQUIRE(role);
  CHECK(role->is_unknown());
  CHECK(role->where.valid());
  CHECK(fn->body.get("arn")->is_unknown());
  CHECK(fn->body.get("handler")->is_known());
  const Value* password = fn->body.at("environment/variables/DB_PASSWORD");
  REQUIRE(password);
  CHECK(password->has_mark(kSensitive));
  CHECK(password->text == "hunter2-prod-7f3a");
  CHECK(password->where.valid());
  CHECK_FALSE(fn->body.at("environment/variables/TABLE")->has_mark(kSensitive));
}

TEST_CASE("plan: configuration references become graph edges, through module variables") {
  DiskFileProvider fs({kDir});
  LoadedUnit unit = terraform::load_plan(kDir + "/plan.json", fs);
  const NativeResource* attach = find(unit, "aws_iam_role_policy.read");
  REQUIRE(attach);
  CHECK(has_ref(*attach->body.get("role"), "aws_iam_role.exec", "id"));
  CHECK_FALSE(has_ref(*attach->body.get("role"), "aws_iam_role.exec", ""));
  // The worker's role is var.role_arn; the module call passes aws_iam_role.exec.arn.
  const NativeResource* fn = find(unit, "module.worker[0].aws_lambda_function.this");
  REQUIRE(fn);
  CHECK(has_ref(*fn->body.get("role"), "aws_iam_role.exec", "arn"));
  // The bucket policy's document is unknown (it embeds the bucket ARN) but keeps the edge.
  const NativeResource* bp = find(unit, "aws_s3_bucket_policy.data");
  REQUIRE(bp);
  CHECK(bp->body.get("policy")->is_unknown());
  CHECK(has_ref(*bp->body.get("policy"), "aws_s3_bucket.data", "arn"));
}

TEST_CASE("plan: policy strings are decoded") {
  DiskFileProvider fs({kDir});
  LoadedUnit unit = terraform::load_plan(kDir + "/plan.json", fs);
  const NativeResource* role = find(unit, "aws_iam_role.exec");
  REQUIRE(role);
  const Value* trust = role->body.get("assume_role_policy");
  REQUIRE(trust);
  REQUIRE(trust->decoded);
  CHECK(trust->decoded->at("Statement/0/Principal/Service")->text == "lambda.amazonaws.com");
  const NativeResource* read = find(unit, "aws_iam_role_policy.read");
  REQUIRE(read);
  REQUIRE(read->body.get("policy")->decoded);
  CHECK(read->body.get("policy")->decoded->at("Statement/0/Resource")->text == "arn:aws:s3:::orders-data/*");
  CHECK_FALSE(read->body.get("name")->decoded);
}

TEST_CASE("plan: resources point at their .tf blocks when the sources are present") {
  DiskFileProvider fs({kDir});
  LoadedUnit unit = terraform::load_plan(kDir + "/plan.json", fs);
  const NativeResource* bucket = find(unit, "aws_s3_bucket.data");
  REQUIRE(bucket);
  REQUIRE(bucket->declaration.valid());
  CHECK(bucket->declaration.file->path() == kDir + "/main.tf");
  CHECK(bucket->declaration.text().substr(0, 31) == "resource \"aws_s3_bucket\" \"data\"");
  CHECK(to_location(bucket->declaration).line == 15);
  // In a local child module, through the module call's source.
  const NativeResource* fn = find(unit, "module.worker[0].aws_lambda_function.this");
  REQUIRE(fn);
  CHECK(fn->declaration.file->path() == kDir + "/modules/worker/main.tf");
  CHECK(fn->declaration.text().substr(0, 38) == "resource \"aws_lambda_function\" \"this\"");
  const NativeResource* caller = find(unit, "data.aws_caller_identity.current");
  REQUIRE(caller);
  CHECK(caller->declaration.text().substr(0, 36) == "data \"aws_caller_identity\" \"current\"");
  // A registry module's sources are not here: the declaration is the resource in the plan.
  const NativeResource* vpc = find(unit, "module.vpc.aws_vpc.this[0]");
  REQUIRE(vpc);
  CHECK(vpc->declaration.file->path() == kDir + "/plan.json");
  CHECK(vpc->declaration.text() == "\"module.vpc.aws_vpc.this[0]\"");
  // Every file a position points into is kept by the unit.
  for (const auto& r : unit.resources) {
    bool kept = std::any_of(unit.files.begin(), unit.files.end(),
                            [&](const SourceFilePtr& f) { return f.get() == r.declaration.file; });
    CHECK_MESSAGE(kept, r.address);
  }
}

TEST_CASE("plan: without the sources every resource points into the plan") {
  MemoryFiles fs;
  fs.files["/x/plan.json"] = *DiskFileProvider({kDir}).read(kDir + "/plan.json");
  LoadedUnit unit = terraform::load_plan("/x/plan.json", fs);
  REQUIRE(unit.resources.size() == 7);
  for (const auto& r : unit.resources) CHECK(r.declaration.file->path() == "/x/plan.json");
  CHECK(unit.files.size() == 1);
  // Values point where the plan wrote them; a decoded policy at the string holding it.
  const NativeResource* fn = find(unit, "module.worker[0].aws_lambda_function.this");
  REQUIRE(fn);
  const Value* password = fn->body.at("environment/variables/DB_PASSWORD");
  CHECK(password->where.text() == "\"hunter2-prod-7f3a\"");
  CHECK(password->where.file == unit.files[0].get());
  const Value* trust = find(unit, "aws_iam_role.exec")->body.get("assume_role_policy");
  REQUIRE(trust->decoded);
  CHECK(trust->decoded->at("Statement/0/Action")->where.begin == trust->where.begin);
}

TEST_CASE("plan: broken and foreign input gives diagnostics, not crashes") {
  MemoryFiles fs;
  fs.files["/x/broken.json"] = "{\"format_version\": \"1.2\", \"planned_values\": {";
  LoadedUnit broken = terraform::load_plan("/x/broken.json", fs);
  REQUIRE_FALSE(broken.diagnostics.empty());
  CHECK(broken.diagnostics[0].kind == Diagnostic::Kind::ParseError);
  CHECK(broken.diagnostics[0].range.file == broken.files[0].get());
  CHECK(broken.resources.empty());

  fs.files["/x/other.json"] = "{\"planned_values\": {}}";
  LoadedUnit other = terraform::load_plan("/x/other.json", fs);
  REQUIRE(other.diagnostics.size() == 1);

  LoadedUnit missing = terraform::load_plan("/x/missing.json", fs);
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].message.find("cannot read") != std::string::npos);

  // Odd shapes are skipped quietly.
  fs.files["/x/odd.json"] = R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [1, {"address": 2},
      {"address": "aws_s3_bucket.x", "type": "aws_s3_bucket", "name": "x", "values": 7}], "child_modules": "no"}},
      "resource_changes": [{"address": "aws_s3_bucket.x", "change": {"after_unknown": [true], "after_sensitive": true}}]})";
  LoadedUnit odd = terraform::load_plan("/x/odd.json", fs);
  REQUIRE(odd.resources.size() == 1);
  CHECK(odd.resources[0].body.is_map());
}

TEST_CASE("plan: state JSON (values instead of planned_values) loads too") {
  MemoryFiles fs;
  fs.files["/x/state.json"] = R"({"format_version": "1.0", "values": {"root_module": {"resources": [
      {"address": "aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue", "name": "q",
       "values": {"name": "jobs", "policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\"}]}"}}]}}})";
  LoadedUnit unit = terraform::load_plan("/x/state.json", fs);
  REQUIRE(unit.resources.size() == 1);
  CHECK(unit.resources[0].body.get("name")->text == "jobs");
  REQUIRE(unit.resources[0].body.get("policy")->decoded);
  CHECK(unit.resources[0].body.get("policy")->decoded->at("Statement/0/Principal")->text == "*");
}

TEST_CASE("plan: values point at the .tf sources they came from") {
  DiskFileProvider fs({kDir});
  LoadedUnit unit = terraform::load_plan(kDir + "/plan.json", fs);
  const NativeResource* bucket = find(unit, "aws_s3_bucket.data");
  REQUIRE(bucket);
  const Value* name = bucket->body.get("bucket");
  CHECK(name->where.file->path() == kDir + "/main.tf");
  CHECK(name->where.text() == "\"orders-data\"");
  // A policy written with jsonencode: the document's parts point into the HCL.
  const Value* trust = find(unit, "aws_iam_role.exec")->body.get("assume_role_policy");
  REQUIRE(trust->decoded);
  const Value* service = trust->decoded->at("Statement/0/Principal/Service");
  REQUIRE(service);
  CHECK(service->where.file->path() == kDir + "/main.tf");
  CHECK(service->where.text() == "\"lambda.amazonaws.com\"");
  // In a child module instance too.
  const NativeResource* fn = find(unit, "module.worker[0].aws_lambda_function.this");
  REQUIRE(fn);
  CHECK(fn->body.at("environment/variables/TABLE")->where.file->path() == kDir + "/modules/worker/main.tf");
  // Provider defaults the sources never wrote stay in the plan.
  CHECK(fn->body.get("memory_size")->where.file->path() == kDir + "/plan.json");
  for (const auto& r : unit.resources) {
    bool kept = std::any_of(unit.files.begin(), unit.files.end(),
                            [&](const SourceFilePtr& f) { return f.get() == r.body.get(r.body.fields.front().key)->where.file; });
    CHECK_MESSAGE(kept, r.address);
  }
}
