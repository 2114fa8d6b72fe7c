// Module calls: inputs, outputs, nesting, expansion, registry manifests, cycles, missing sources.
#include <doctest/doctest.h>

#include "memory_files.h"

using namespace eph;
using namespace eph::tftest;

namespace {

const char* kFunctionModule =
    "variable \"name\" {}\n"
    "variable \"memory\" {\n  type = number\n  default = 128\n}\n"
    "resource \"aws_lambda_function\" \"this\" {\n  function_name = var.name\n  memory_size = var.memory\n}\n"
    "output \"arn\" {\n  value = aws_lambda_function.this.arn\n}\n"
    "output \"name\" {\n  value = aws_lambda_function.this.function_name\n}\n";

}  // namespace

TEST_CASE("modules: inputs bound, resources addressed with the module path, outputs used by the parent") {
  MemoryFiles files;
  files.add("root/main.tf",
            "module \"worker\" {\n  source = \"./modules/fn\"\n  name = \"worker\"\n  memory = \"256\"\n}\n"
            "resource \"aws_cloudwatch_log_group\" \"g\" {\n  name = \"/aws/lambda/${module.worker.name}\"\n"
            "  arn_ref = module.worker.arn\n}\n");
  files.add("root/modules/fn/main.tf", kFunctionModule);
  LoadedUnit unit = load(files);
  const NativeResource* fn = find_resource(unit, "module.worker.aws_lambda_function.this");
  REQUIRE(fn);
  CHECK(fn->module == "module.worker");
  CHECK(fn->body.get("function_name")->text == "worker");
  CHECK(fn->body.get("memory_size")->number == 256);  // converted to the declared type
  // Positions follow the input to where it was written in the parent.
  CHECK(fn->body.get("function_name")->where.file->path() == "root/main.tf");
  CHECK(text_at(unit, "aws_cloudwatch_log_group.g", "name") == "/aws/lambda/worker");
  const Value* arn = attr(unit, "aws_cloudwatch_log_group.g", "arn_ref");
  REQUIRE(arn);
  CHECK(arn->is_unknown());
  REQUIRE(!arn->refs.empty());
  CHECK(arn->refs[0].address == "module.worker.aws_lambda_function.this");
  CHECK(arn->refs[0].attribute == "arn");
  CHECK(unit.diagnostics.empty());
}

TEST_CASE("modules: count and for_each on modules, nested modules") {
  MemoryFiles files;
  files.add("root/main.tf",
            "module \"many\" {\n  source = \"./modules/fn\"\n  count = 2\n  name = \"fn-${count.index}\"\n}\n"
            "module \"keyed\" {\n  source = \"./modules/fn\"\n  for_each = { a = 1 }\n  name = each.key\n}\n"
            "module \"outer\" {\n  source = \"./modules/outer\"\n}\n"
            "resource \"null_resource\" \"t\" {\n  second = module.many[1].name\n  keyed = module.keyed[\"a\"].name\n"
            "  nested = module.outer.inner_name\n}\n");
  files.add("root/modules/fn/main.tf", kFunctionModule);
  files.add("root/modules/outer/main.tf",
            "module \"inner\" {\n  source = \"../fn\"\n  name = \"deep\"\n}\n"
            "output \"inner_name\" {\n  value = module.inner.name\n}\n");
  LoadedUnit unit = load(files);
  CHECK(find_resource(unit, "module.many[0].aws_lambda_function.this"));
  CHECK(text_at(unit, "module.many[1].aws_lambda_function.this", "function_name") == "fn-1");
  CHECK(text_at(unit, "module.keyed[\"a\"].aws_lambda_function.this", "function_name") == "a");
  CHECK(text_at(unit, "module.outer.module.inner.aws_lambda_function.this", "function_name") == "deep");
  CHECK(text_at(unit, "null_resource.t", "second") == "fn-1");
  CHECK(text_at(unit, "null_resource.t", "keyed") == "a");
  CHECK(text_at(unit, "null_resource.t", "nested") == "deep");
}

TEST_CASE("modules: registry sources through modules.json, unknown outputs without it") {
  MemoryFiles files;
  files.add("root/main.tf",
            "module \"reg\" {\n  source = \"terraform-aws-modules/lambda/aws\"\n  name = \"r\"\n}\n"
            "module \"gone\" {\n  source = \"git::https://example.com/x.git\"\n}\n"
            "resource \"null_resource\" \"t\" {\n  a = module.reg.name\n  b = module.gone.anything\n}\n");
  files.add("root/.terraform/modules/modules.json",
            R"({"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"reg","Source":"registry.terraform.io/x","Dir":".terraform/modules/reg"}]})");
  files.add("root/.terraform/modules/reg/main.tf", kFunctionModule);
  LoadedUnit unit = load(files);
  CHECK(text_at(unit, "module.reg.aws_lambda_function.this", "function_name") == "r");
  CHECK(text_at(unit, "null_resource.t", "a") == "r");
  CHECK(text_at(unit, "null_resource.t", "b") == "<unknown>");
  CHECK(unit.diagnostics.empty());
}

TEST_CASE("modules: missing local sources and cycles are diagnosed at the source") {
  MemoryFiles files;
  files.add("root/main.tf", "module \"a\" {\n  source = \"./a\"\n}\nmodule \"missing\" {\n  source = \"./nope\"\n}\n");
  files.add("root/a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n");
  files.add("root/b/main.tf", "module \"back\" {\n  source = \"../a\"\n}\nresource \"null_resource\" \"n\" {}\n");
  LoadedUnit unit = load(files);
  bool cycle = false, missing = false;
  for (const auto& d : unit.diagnostics) {
    if (d.message.find("module cycle") != std::string::npos) {
      cycle = true;
      CHECK(d.range.text() == "\"../a\"");
    }
    if (d.message.find("'./nope' not found") != std::string::npos) {
      missing = true;
      CHECK(d.range.text() == "\"./nope\"");
    }
  }
  CHECK(cycle);
  CHECK(missing);
  CHECK(find_resource(unit, "module.a.module.b.null_resource.n"));
}

TEST_CASE("modules: path.module is relative to the root, file() reads from there") {
  MemoryFiles files;
  files.add("root/main.tf", "module \"m\" {\n  source = \"./mod\"\n}\n");
  files.add("root/mod/main.tf",
            "resource \"null_resource\" \"t\" {\n  p = path.module\n  doc = file(\"${path.module}/doc.txt\")\n}\n");
  files.add("root/mod/doc.txt", "hello");
  LoadedUnit unit = load(files);
  CHECK(text_at(unit, "module.m.null_resource.t", "p") == "mod");
  CHECK(text_at(unit, "module.m.null_resource.t", "doc") == "hello");
}

TEST_CASE("override files replace attributes and nested blocks of the matching block") {
  MemoryFiles files;
  files.add("root/main.tf",
            "locals {\n  env = \"dev\"\n}\n"
            "resource \"aws_lambda_function\" \"f\" {\n  function_name = \"f\"\n  timeout = 3\n"
            "  environment {\n    variables = { A = \"1\" }\n  }\n}\n");
  files.add("root/main_override.tf",
            "locals {\n  env = \"prod\"\n}\n"
            "resource \"aws_lambda_function\" \"f\" {\n  timeout = 30\n  environment {\n    variables = { B = local.env }\n  }\n}\n");
  LoadedUnit unit = load(files);
  CHECK(text_at(unit, "aws_lambda_function.f", "function_name") == "f");
  CHECK(text_at(unit, "aws_lambda_function.f", "timeout") == "30");
  CHECK(text_at(unit, "aws_lambda_function.f", "environment/variables/B") == "prod");
  CHECK(attr(unit, "aws_lambda_function.f", "environment/variables/A") == nullptr);
  CHECK(attr(unit, "aws_lambda_function.f", "timeout")->where.file->path() == "root/main_override.tf");
  CHECK(unit.resources.size() == 1);
}

TEST_CASE("modules: an output that reads none of the inputs a caller's local depends on is no cycle") {
  // As in Azure's verified modules: a local reads one output of a module call while another
  // input of the same call depends on that local. Terraform's graph is per output and per
  // input variable, so this is valid; each instance still sees its own count/each.
  MemoryFiles files;
  files.add("root/main.tf",
            "locals {\n  prefix = module.naming.prefix\n}\n"
            "module \"naming\" {\n  source = \"./modules/naming\"\n  base = \"app\"\n"
            "  tags = { owner = local.prefix }\n}\n"
            "module \"fns\" {\n  source = \"./modules/naming\"\n  for_each = { a = 1, b = 2 }\n"
            "  base = \"${local.prefix}-${each.key}\"\n  tags = { n = each.value }\n}\n"
            "resource \"null_resource\" \"r\" {\n  tagged = module.naming.tagged\n  b = module.fns[\"b\"].prefix\n}\n");
  files.add("root/modules/naming/main.tf",
            "variable \"base\" {}\nvariable \"tags\" {}\n"
            "output \"prefix\" {\n  value = \"${var.base}-prod\"\n}\n"
            "output \"tagged\" {\n  value = var.tags.owner\n}\n");
  LoadedUnit unit = load(files);
  CHECK(unit.diagnostics.empty());
  CHECK(text_at(unit, "null_resource.r", "tagged") == "app-prod");
  CHECK(text_at(unit, "null_resource.r", "b") == "app-prod-b-prod");
}

TEST_CASE("modules: an input that reads, through the module, the input itself is a cycle") {
  MemoryFiles files;
  files.add("root/main.tf",
            "module \"m\" {\n  source = \"./modules/echo\"\n  in = module.m.other\n}\n"
            "resource \"null_resource\" \"r\" {\n  v = module.m.out\n}\n");
  files.add("root/modules/echo/main.tf",
            "variable \"in\" {}\noutput \"out\" {\n  value = var.in\n}\noutput \"other\" {\n  value = var.in\n}\n");
  LoadedUnit unit = load(files);
  REQUIRE(unit.diagnostics.size() == 1);
  CHECK(unit.diagnostics[0].message.find("var.in of module.m depends on itself") != std::string::npos);
  const Value* v = attr(unit, "null_resource.r", "v");
  REQUIRE(v);
  CHECK(v->is_unknown());
}
