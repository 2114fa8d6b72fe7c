// Root variable values: defaults, tfvars files, var files, --var and TF_VAR_, in Terraform's precedence.
#include <doctest/doctest.h>

#include "memory_files.h"

using namespace eph;
using namespace eph::tftest;

TEST_CASE("variables: precedence env < terraform.tfvars < auto.tfvars (sorted) < var files < --var") {
  MemoryFiles files;
  files.add("root/main.tf",
            "variable \"a\" { default = \"default\" }\nvariable \"b\" { default = \"default\" }\n"
            "variable \"c\" { default = \"default\" }\nvariable \"d\" { default = \"default\" }\n"
            "variable \"e\" { default = \"default\" }\nvariable \"n\" { type = number }\n"
            "variable \"l\" { type = list(string) }\n"
            "resource \"null_resource\" \"t\" {\n  a = var.a\n  b = var.b\n  c = var.c\n  d = var.d\n  e = var.e\n"
            "  n = var.n\n  l = var.l\n}\n");
  files.add("root/terraform.tfvars", "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\n");
  files.add("root/b.auto.tfvars", "b = \"b.auto\"\nc = \"b.auto\"\n");
  files.add("root/a.auto.tfvars.json", "{\"b\": \"a.auto\", \"c\": \"a.auto\"}");
  files.add("root/prod.tfvars", "c = \"varfile\"\nd = \"varfile\"\n");
  terraform::TerraformInputs inputs;
  inputs.env = {{"a", "env"}, {"e", "env"}, {"n", "42"}, {"l", "[\"x\", \"y\"]"}};
  inputs.var_files = {"root/prod.tfvars"};
  inputs.vars = {{"d", "cli"}};
  LoadedUnit unit = load(files, "root", inputs);
  CHECK(text_at(unit, "null_resource.t", "a") == "tfvars");
  CHECK(text_at(unit, "null_resource.t", "b") == "b.auto");
  CHECK(text_at(unit, "null_resource.t", "c") == "varfile");
  CHECK(text_at(unit, "null_resource.t", "d") == "cli");
  CHECK(text_at(unit, "null_resource.t", "e") == "env");
  CHECK(attr(unit, "null_resource.t", "n")->number == 42);
  CHECK(attr(unit, "null_resource.t", "l")->items.size() == 2);
  // A tfvars value is positioned in the tfvars file.
  const Value* b = attr(unit, "null_resource.t", "b");
  REQUIRE(b->where.file);
  CHECK(b->where.file->path() == "root/b.auto.tfvars");
  CHECK(b->where.text() == "\"b.auto\"");
}

TEST_CASE("variables: sensitive marks, optional object attributes, missing values") {
  LoadedUnit unit = load_tf(
      "variable \"secret\" {\n  default = { key = \"v\" }\n  sensitive = true\n}\n"
      "variable \"settings\" {\n  type = object({ name = string, size = optional(number, 10), tag = optional(string) })\n"
      "  default = { name = \"n\" }\n}\n"
      "variable \"required\" {}\n"
      "resource \"null_resource\" \"t\" {\n  key = var.secret.key\n  size = var.settings.size\n  tag = var.settings.tag\n"
      "  req = var.required\n  env = { K = var.secret.key }\n}\n");
  CHECK(attr(unit, "null_resource.t", "key")->has_mark(kSensitive));
  CHECK(attr(unit, "null_resource.t", "env/K")->has_mark(kSensitive));
  CHECK(text_at(unit, "null_resource.t", "size") == "10");
  CHECK(text_at(unit, "null_resource.t", "tag") == "null");
  CHECK(text_at(unit, "null_resource.t", "req") == "<unknown>");
}
