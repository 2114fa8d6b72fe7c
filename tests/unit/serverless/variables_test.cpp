// The Serverless Framework's variables: values take the position where they were written,
// fallbacks, stages, params, env only as given, file() inside the tree, cycles end.
#include <doctest/doctest.h>

#include "core/memory_file_provider.h"
#include "serverless/serverless_frontend.h"
#include "serverless/variables.h"
#include "syntax/yaml/yaml_loader.h"

using namespace eph;

namespace {

struct Resolved {
  std::shared_ptr<SourceFile> file;
  serverless::ResolvedConfig config;
};

Resolved resolve(const std::string& text, const serverless::ServerlessInputs& inputs = {},
                 const MemoryFileProvider* fs = nullptr) {
  static MemoryFileProvider empty;
  Resolved r;
  r.file = std::make_shared<SourceFile>("svc/serverless.yml", text);
  yaml::ParseResult parsed = yaml::parse(*r.file);
  r.config = serverless::resolve_variables(parsed.value, "svc/serverless.yml", fs ? *fs : empty, inputs);
  return r;
}

std::string line_of(const Resolved& r, const Value* v) {
  return v ? std::string(r.file->line_text(r.file->position(v->where.begin).line)) : std::string();
}

}  // namespace

TEST_CASE("serverless variables: self, nested, fallbacks, stage and params") {
  const std::string text =
      "service: orders\n"
      "params:\n"
      "  prod:\n"
      "    size: 50\n"
      "  default:\n"
      "    size: 5\n"
      "custom:\n"
      "  tables:\n"
      "    dev: orders-dev-table\n"
      "provider:\n"
      "  name: aws\n"
      "  stage: ${opt:stage, 'dev'}\n"
      "  environment:\n"
      "    TABLE: ${self:custom.tables.${sls:stage}}\n"
      "    NAME: ${self:service}-${sls:stage}\n"
      "    SIZE: ${param:size}\n"
      "    REGION: ${opt:region, 'eu-west-1'}\n"
      "    HOME: ${env:HOME}\n"
      "    SECRET: ${ssm:/orders/secret}\n";
  Resolved r = resolve(text);
  CHECK(r.config.stage == "dev");
  const Value* table = r.config.root.at("provider/environment/TABLE");
  REQUIRE(table);
  CHECK(table->text == "orders-dev-table");
  CHECK(line_of(r, table) == "    dev: orders-dev-table");  // where the value was written
  CHECK(r.config.root.at("provider/environment/NAME")->text == "orders-dev");
  const Value* size = r.config.root.at("provider/environment/SIZE");
  CHECK(size->number == 5);
  CHECK(line_of(r, size) == "    size: 5");
  CHECK(r.config.root.at("provider/environment/REGION")->text == "eu-west-1");
  CHECK(r.config.root.at("provider/environment/HOME")->is_unknown());  // never this machine's environment
  CHECK(r.config.root.at("provider/environment/SECRET")->is_unknown());
  CHECK(r.config.diagnostics.empty());

  serverless::ServerlessInputs prod;
  prod.stage = "prod";
  prod.env = {{"HOME", "/given"}};
  Resolved p = resolve(text, prod);
  CHECK(p.config.stage == "prod");
  CHECK(p.config.root.at("provider/environment/SIZE")->number == 50);
  CHECK(p.config.root.at("provider/environment/TABLE")->is_unknown());  // no custom.tables.prod
  CHECK(p.config.root.at("provider/environment/HOME")->text == "/given");
}

TEST_CASE("serverless variables: cycles and runaway nesting end in a limit diagnostic") {
  Resolved r = resolve(
      "service: loops\n"
      "custom:\n"
      "  a: ${self:custom.b}\n"
      "  b: ${self:custom.a}\n"
      "  me: ${self:custom}\n"
      "provider:\n"
      "  name: aws\n");
  CHECK(r.config.root.at("custom/a")->is_unknown());
  REQUIRE(!r.config.diagnostics.empty());
  CHECK(r.config.diagnostics.front().kind == Diagnostic::Kind::LimitReached);
  CHECK(r.config.diagnostics.front().message.find("cycle") != std::string::npos);

  std::string deep = "service: deep\nprovider:\n  name: aws\ncustom:\n";
  for (int i = 0; i < 60; ++i) deep += "  v" + std::to_string(i) + ": ${self:custom.v" + std::to_string(i + 1) + "}\n";
  deep += "  v60: end\n";
  Resolved d = resolve(deep);
  CHECK(d.config.root.at("custom/v0")->is_unknown());
  CHECK(!d.config.diagnostics.empty());
}

TEST_CASE("serverless variables: file() reads YAML and JSON inside the tree only") {
  MemoryFileProvider fs;
  fs.add("svc/config/dev.yml", "table: from-file\nnested:\n  key: deep\n");
  Resolved r = resolve(
      "service: files\n"
      "provider:\n"
      "  name: aws\n"
      "custom:\n"
      "  whole: ${file(./config/dev.yml)}\n"
      "  key: ${file(./config/dev.yml):nested.key}\n"
      "  code: ${file(./handler.js):value}\n"
      "  missing: ${file(../outside.yml):x}\n",
      {}, &fs);
  CHECK(r.config.root.at("custom/whole/table")->text == "from-file");
  const Value* key = r.config.root.at("custom/key");
  CHECK(key->text == "deep");
  REQUIRE(key->where.file);
  CHECK(key->where.file->path() == "svc/config/dev.yml");
  CHECK(r.config.root.at("custom/code")->is_unknown());
  CHECK(r.config.root.at("custom/missing")->is_unknown());
}

TEST_CASE("serverless: recognised by name and content, never a template") {
  CHECK(serverless::service_file_name("a/serverless.yml"));
  CHECK(serverless::service_file_name("serverless.json"));
  CHECK(!serverless::service_file_name("a/template.yml"));
  CHECK(serverless::looks_like_service("service: x\nprovider:\n  name: aws\n"));
  CHECK(serverless::looks_like_service("{\"service\": \"x\", \"provider\": {\"name\": \"aws\"}}"));
  CHECK(!serverless::looks_like_service("Resources:\n  service:\n    provider: x\n"));
}

TEST_CASE("serverless variables: what ${ssm:...} puts into the template is marked for EPH302") {
  const std::string text =
      "service: checkout\n"
      "provider:\n"
      "  name: aws\n"
      "  environment:\n"
      "    PLAIN: ${ssm:/checkout/table-name}\n"
      "    SECRETS_MANAGER: ${ssm:/aws/reference/secretsmanager/checkout/db}\n"
      "    V2_DECRYPTED: ${ssm:/checkout/key~true}\n"
      "    V2_ENCRYPTED: ${ssm:/checkout/key~false}\n"
      "    NO_DECRYPT: ${ssm(noDecrypt):/checkout/key}\n"
      "    REGION: ${ssm(eu-west-1):/aws/reference/secretsmanager/x}\n"
      "    INSIDE: prefix-${ssm:/aws/reference/secretsmanager/y}\n"
      "    OTHER: ${cf:network.VpcId}\n";
  Resolved r = resolve(text);
  auto marks = [&](const char* name) { return r.config.root.at(std::string("provider/environment/") + name)->marks; };
  CHECK(marks("PLAIN") == kStoreValue);  // a secret only if its name says so (EPH302 decides)
  CHECK(marks("SECRETS_MANAGER") == kSecretValue);
  CHECK(marks("V2_DECRYPTED") == kSecretValue);
  CHECK(marks("V2_ENCRYPTED") == 0);
  CHECK(marks("NO_DECRYPT") == 0);
  CHECK(marks("REGION") == kSecretValue);
  CHECK(marks("INSIDE") == kSecretValue);
  CHECK(marks("OTHER") == 0);
}
