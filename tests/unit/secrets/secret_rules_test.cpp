// EPH301 and EPH302 on hand-built units: where findings point, what the messages say,
// and that one value gives one finding.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "engine/analyzer.h"

using namespace eph;

namespace {

// A unit over one source text; values are positioned at the first occurrence of a snippet.
struct UnitBuilder {
  std::shared_ptr<SourceFile> file;
  LoadedUnit unit;

  explicit UnitBuilder(std::string text) : file(std::make_shared<SourceFile>("main.tf", std::move(text))) {
    unit.name = "unit";
    unit.files.push_back(file);
  }
  Range at(std::string_view snippet) const {
    size_t pos = file->text().find(snippet);
    REQUIRE(pos != std::string::npos);
    return Range{file.get(), static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + snippet.size())};
  }
  // From the start of `first` to the end of `last`.
  Range span(std::string_view first, std::string_view last) const {
    Range a = at(first), z = at(last);
    return Range{file.get(), a.begin, z.end};
  }
  Value str(std::string_view snippet, std::string text) const { return Value::string_of(std::move(text), at(snippet)); }
};

Value block(Value inner) {
  Value list = Value::list(inner.where);
  list.items.push_back(std::move(inner));
  return list;
}

Value marked(Value v, uint8_t marks) {
  v.marks |= marks;
  return v;
}

Value reference(Range where, std::string address, std::string attribute, uint8_t marks) {
  Value v = Value::unknown(where, "computed");
  v.refs.push_back(Ref{std::move(address), std::move(attribute), where});
  v.marks = marks;
  return v;
}

std::vector<Finding> run(const LoadedUnit& unit, std::string_view rule) {
  std::vector<Finding> findings, out;
  std::vector<InputError> errors;
  check_unit(unit, Config{}, findings, errors);
  CHECK(errors.empty());
  for (auto& f : findings)
    if (f.rule_id == rule) out.push_back(std::move(f));
  return out;
}

const char* kText = R"(variable "token" { default = "tok_9Xk2Lm7Qp4Rz" }
resource "aws_lambda_function" "api" {
  environment {
    variables = {
      DB_PASSWORD = "hunter2-prod-7f3a"
      API_TOKEN   = var.token
      FROM_STORE  = aws_secretsmanager_secret_version.db.secret_string
      APP_PASSWORD = var.sensitive_literal
      NOECHO      = var.sensitive_unknown
      RESOLVED    = "{{resolve:secretsmanager:prod/db:SecretString:password}}"
      TABLE       = "orders"
      LATER       = aws_db_instance.main.address
    }
  }
}
variable "sensitive_literal" { default = "Zq8vN2pL5wXr-x" }
resource "aws_secretsmanager_secret_version" "db" {}
)";

LoadedUnit lambda_unit(UnitBuilder& b) {
  Value vars = Value::map(b.at("{\n      DB_PASSWORD"));
  vars.set("DB_PASSWORD", b.str("\"hunter2-prod-7f3a\"", "hunter2-prod-7f3a"), b.at("DB_PASSWORD"));
  vars.set("API_TOKEN", b.str("\"tok_9Xk2Lm7Qp4Rz\"", "tok_9Xk2Lm7Qp4Rz"), b.at("API_TOKEN"));
  vars.set("FROM_STORE",
           reference(b.at("aws_secretsmanager_secret_version.db.secret_string"), "aws_secretsmanager_secret_version.db",
                     "secret_string", kSecretValue),
           b.at("FROM_STORE"));
  vars.set("APP_PASSWORD", marked(b.str("\"Zq8vN2pL5wXr-x\"", "Zq8vN2pL5wXr-x"), kSensitive), b.at("APP_PASSWORD"));
  vars.set("NOECHO", marked(Value::unknown(b.at("var.sensitive_unknown")), kSensitive), b.at("NOECHO"));
  vars.set("RESOLVED",
           marked(b.str("\"{{resolve:", "{{resolve:secretsmanager:prod/db:SecretString:password}}"), kSecretRef),
           b.at("RESOLVED"));
  vars.set("TABLE", b.str("\"orders\"", "orders"), b.at("TABLE"));
  vars.set("LATER", reference(b.at("aws_db_instance.main.address"), "aws_db_instance.main", "address", 0),
           b.at("LATER"));
  Value env = Value::map();
  env.set("variables", vars);
  Value body = Value::map(b.span("{\n  environment", "  }\n}"));
  body.set("environment", block(env));
  body.set("reserved_concurrent_executions", Value::number_of(5));

  NativeResource fn;
  fn.type = "aws_lambda_function";
  fn.address = "aws_lambda_function.api";
  fn.declaration = b.at("resource \"aws_lambda_function\" \"api\"");
  fn.body = body;
  b.unit.resources.push_back(fn);
  NativeResource secret;
  secret.type = "aws_secretsmanager_secret_version";
  secret.address = "aws_secretsmanager_secret_version.db";
  secret.declaration = b.at("resource \"aws_secretsmanager_secret_version\" \"db\"");
  secret.body = Value::map();
  b.unit.resources.push_back(secret);
  return std::move(b.unit);
}

std::string text_at(const Range& r) { return std::string(r.text()); }

}  // namespace

TEST_CASE("EPH301 points at literal secrets where they are written") {
  UnitBuilder b(kText);
  LoadedUnit unit = lambda_unit(b);
  auto found = run(unit, "EPH301");
  REQUIRE(found.size() == 3);
  // Findings come in environment order: DB_PASSWORD, API_TOKEN, APP_PASSWORD.
  CHECK(text_at(found[0].range) == "\"hunter2-prod-7f3a\"");
  CHECK(found[0].severity == Severity::Critical);
  CHECK(found[0].resource == "aws_lambda_function.api");
  CHECK(found[0].message.find("DB_PASSWORD") != std::string::npos);
  CHECK(found[0].message.find("Secrets Manager") != std::string::npos);
  CHECK(found[0].message.find("hunter2") == std::string::npos);  // never echo the secret
  CHECK(found[0].related.empty());
  // The variable default: the finding lands there and links back to the use.
  CHECK(text_at(found[1].range) == "\"tok_9Xk2Lm7Qp4Rz\"");
  CHECK(found[1].message.find("API_TOKEN") != std::string::npos);
  REQUIRE(found[1].related.size() == 1);
  CHECK(text_at(found[1].related[0].range) == "API_TOKEN");
  // A sensitive variable whose default is a literal secret: EPH301 takes it.
  CHECK(text_at(found[2].range) == "\"Zq8vN2pL5wXr-x\"");
}

TEST_CASE("EPH302 reports marked values once and names their source") {
  UnitBuilder b(kText);
  LoadedUnit unit = lambda_unit(b);
  auto found = run(unit, "EPH302");
  REQUIRE(found.size() == 3);
  CHECK(found[0].message.find("FROM_STORE") != std::string::npos);
  CHECK(found[0].message.find("aws_secretsmanager_secret_version.db.secret_string") != std::string::npos);
  CHECK(found[0].severity == Severity::High);
  REQUIRE(found[0].related.size() == 1);
  CHECK(found[0].related[0].message.find("aws_secretsmanager_secret_version.db") != std::string::npos);
  CHECK(found[1].message.find("NOECHO") != std::string::npos);
  CHECK(found[1].message.find("sensitive input") != std::string::npos);
  CHECK(text_at(found[1].range) == "var.sensitive_unknown");
  CHECK(found[2].message.find("RESOLVED") != std::string::npos);
  CHECK(found[2].message.find("secret-store reference") != std::string::npos);
}

TEST_CASE("secrets rules read GCP and Azure environments") {
  UnitBuilder b(R"(
resource "google_cloud_run_v2_service" "svc" { env { name = "API_KEY" value = "4f9c2e7a1b8d3f6e0a5c9b2d" } }
resource "azurerm_linux_function_app" "fa" { app_settings = { STRIPE = "sk_live_51Habc0123456789" } }
)");
  Value entry = Value::map();
  entry.set("name", b.str("\"API_KEY\"", "API_KEY"));
  entry.set("value", b.str("\"4f9c2e7a1b8d3f6e0a5c9b2d\"", "4f9c2e7a1b8d3f6e0a5c9b2d"));
  Value containers = Value::map();
  containers.set("env", block(entry));
  Value tmpl = Value::map();
  tmpl.set("containers", block(containers));
  Value run_body = Value::map(b.at("{ env"));
  run_body.set("template", block(tmpl));
  NativeResource svc;
  svc.type = "google_cloud_run_v2_service";
  svc.address = "google_cloud_run_v2_service.svc";
  svc.declaration = b.at("resource \"google_cloud_run_v2_service\" \"svc\"");
  svc.body = run_body;
  b.unit.resources.push_back(svc);

  Value settings = Value::map();
  settings.set("STRIPE", b.str("\"sk_live_51Habc0123456789\"", "sk_live_51Habc0123456789"));
  Value app_body = Value::map(b.at("{ app_settings"));
  app_body.set("app_settings", settings);
  NativeResource app;
  app.type = "azurerm_linux_function_app";
  app.address = "azurerm_linux_function_app.fa";
  app.declaration = b.at("resource \"azurerm_linux_function_app\" \"fa\"");
  app.body = app_body;
  b.unit.resources.push_back(app);

  auto found = run(b.unit, "EPH301");
  REQUIRE(found.size() == 2);
  CHECK(found[0].resource == "google_cloud_run_v2_service.svc");
  CHECK(found[0].message.find("Secret Manager") != std::string::npos);
  CHECK(found[1].resource == "azurerm_linux_function_app.fa");
  CHECK(found[1].message.find("Stripe secret key") != std::string::npos);
  CHECK(found[1].message.find("Key Vault") != std::string::npos);
}
