// Every expression form, evaluated through a resource attribute.
#include <doctest/doctest.h>

#include "core/partly_known.h"
#include "memory_files.h"

using namespace eph;
using namespace eph::tftest;

namespace {

// Evaluates `expr` as attribute v of null_resource.t, with `prelude` (locals, variables) around it.
std::string eval_text(const std::string& expr, const std::string& prelude = "") {
  LoadedUnit unit = load_tf(prelude + "\nresource \"null_resource\" \"t\" {\n  v = " + expr + "\n}\n");
  return text_at(unit, "null_resource.t", "v");
}

}  // namespace

TEST_CASE("evaluator: literals and arithmetic") {
  CHECK(eval_text("1 + 2 * 3") == "7");
  CHECK(eval_text("(1 + 2) * 3") == "9");
  CHECK(eval_text("10 / 4") == "2.5");
  CHECK(eval_text("7 % 3") == "1");
  CHECK(eval_text("-5 + 2") == "-3");
  CHECK(eval_text("\"5\" + 1") == "6");
  CHECK(eval_text("1 / 0") == "<unknown>");
  CHECK(eval_text("true") == "true");
  CHECK(eval_text("null") == "null");
  CHECK(eval_text("1.5e2") == "150");
}

TEST_CASE("evaluator: comparison and logic") {
  CHECK(eval_text("3 > 2") == "true");
  CHECK(eval_text("3 <= 2") == "false");
  CHECK(eval_text("\"a\" == \"a\"") == "true");
  CHECK(eval_text("1 == \"1\"") == "false");
  CHECK(eval_text("[1, 2] == [1, 2]") == "true");
  CHECK(eval_text("{a = 1} != {a = 1}") == "false");
  CHECK(eval_text("true && false") == "false");
  CHECK(eval_text("true || false") == "true");
  CHECK(eval_text("!true") == "false");
  CHECK(eval_text("var.unset && true", "variable \"unset\" {}") == "<unknown>");
  CHECK(eval_text("var.unset && false", "variable \"unset\" {}") == "false");
  CHECK(eval_text("true || var.unset", "variable \"unset\" {}") == "true");
  CHECK(eval_text("a == \"\" && b != \"\"", "") == "<unknown>");
}

TEST_CASE("evaluator: conditionals") {
  CHECK(eval_text("1 > 0 ? \"yes\" : \"no\"") == "yes");
  CHECK(eval_text("var.flag ? \"yes\" : \"no\"", "variable \"flag\" { default = false }") == "no");
  CHECK(eval_text("var.flag ? \"yes\" : \"no\"", "variable \"flag\" {}") == "<unknown>");
}

TEST_CASE("evaluator: strings, templates and directives") {
  CHECK(eval_text("\"a\\tb\\n\\\"c\\\"\"") == "a\tb\n\"c\"");
  CHECK(eval_text("\"x-${1 + 1}-y\"") == "x-2-y");
  CHECK(eval_text("\"$${literal}\"") == "${literal}");
  CHECK(eval_text("\"${var.n} apples\"", "variable \"n\" { default = 3 }") == "3 apples");
  CHECK(eval_text("\"%{if true}on%{else}off%{endif}\"") == "on");
  CHECK(eval_text("\"%{for x in [\"a\", \"b\"]}${x};%{endfor}\"") == "a;b;");
  CHECK(eval_text("\"%{for i, x in [\"a\", \"b\"]}${i}=${x} %{endfor}\"") == "0=a 1=b ");
  CHECK(eval_text("\"a ${~ \"b\" ~} c\"") == "abc");
  CHECK(eval_text("\"${var.u}-x\"", "variable \"u\" {}") == "<unknown>");
  // A template that is a single interpolation is the value itself.
  LoadedUnit unit = load_tf("resource \"null_resource\" \"t\" {\n  v = \"${[1, 2]}\"\n}\n");
  REQUIRE(attr(unit, "null_resource.t", "v") != nullptr);
  CHECK(attr(unit, "null_resource.t", "v")->is_list());
}

TEST_CASE("evaluator: heredocs") {
  CHECK(eval_text("<<EOT\nhello ${\"world\"}\n  indented\nEOT\n") == "hello world\n  indented\n");
  CHECK(eval_text("<<-EOT\n    one\n      two\n    EOT\n") == "one\n  two\n");
  CHECK(eval_text("<<-EOT\n    %{ for x in [1, 2] ~}\n    item ${x}\n    %{ endfor ~}\n    EOT\n") == "item 1\nitem 2\n");
}

TEST_CASE("evaluator: collections, indexes, attributes and splats") {
  std::string prelude = "locals {\n  m = { a = 1, \"b\" = 2 }\n  l = [10, 20, 30]\n"
                        "  objs = [{ name = \"x\", n = 1 }, { name = \"y\", n = 2 }]\n  key = \"a\"\n}\n";
  CHECK(eval_text("local.m.a", prelude) == "1");
  CHECK(eval_text("local.m[\"b\"]", prelude) == "2");
  CHECK(eval_text("local.l[1]", prelude) == "20");
  CHECK(eval_text("local.l.2", prelude) == "30");
  CHECK(eval_text("local.m[local.key]", prelude) == "1");
  CHECK(eval_text("local.objs[*].name[1]", prelude) == "[2 items]");  // [1] applies to each name
  CHECK(eval_text("local.objs[1].name", prelude) == "y");
  CHECK(eval_text("local.objs.*.n", prelude) == "[2 items]");
  LoadedUnit unit = load_tf(prelude + "resource \"null_resource\" \"t\" {\n  v = local.objs[*].name\n  k = { (local.key) = 1 }\n}\n");
  const Value* v = attr(unit, "null_resource.t", "v");
  REQUIRE(v);
  REQUIRE(v->items.size() == 2);
  CHECK(v->items[1].text == "y");
  CHECK(attr(unit, "null_resource.t", "k/a") != nullptr);
  CHECK(eval_text("local.l[5]", prelude) == "<unknown>");
  CHECK(eval_text("local.m.missing", prelude) == "<unknown>");
}

TEST_CASE("evaluator: for expressions") {
  std::string prelude = "locals {\n  l = [\"a\", \"bb\", \"ccc\"]\n  m = { x = 1, y = 2 }\n}\n";
  LoadedUnit unit = load_tf(prelude +
                            "resource \"null_resource\" \"t\" {\n"
                            "  upper = [for s in local.l : \"${s}!\" if s != \"bb\"]\n"
                            "  idx   = [for i, s in local.l : i]\n"
                            "  inv   = { for k, v in local.m : v => k }\n"
                            "  grp   = { for s in local.l : \"all\" => s... }\n"
                            "}\n");
  const Value* upper = attr(unit, "null_resource.t", "upper");
  REQUIRE(upper);
  REQUIRE(upper->items.size() == 2);
  CHECK(upper->items[1].text == "ccc!");
  CHECK(attr(unit, "null_resource.t", "idx/2")->number == 2);
  CHECK(attr(unit, "null_resource.t", "inv/2")->text == "y");
  CHECK(attr(unit, "null_resource.t", "grp/all")->items.size() == 3);
}

TEST_CASE("evaluator: try and can") {
  std::string prelude = "locals {\n  m = { a = 1 }\n}\nvariable \"u\" {}\n";
  CHECK(eval_text("try(local.m.b, \"fallback\")", prelude) == "fallback");
  CHECK(eval_text("try(local.m.a, \"fallback\")", prelude) == "1");
  CHECK(eval_text("try(var.u, \"fallback\")", prelude) == "<unknown>");
  CHECK(eval_text("can(local.m.b)", prelude) == "false");
  CHECK(eval_text("can(local.m.a)", prelude) == "true");
}

TEST_CASE("evaluator: positions follow values through variables and locals") {
  MemoryFiles files;
  files.add("root/variables.tf", "variable \"name\" {\n  default = \"orders\"\n}\n");
  files.add("root/main.tf", "locals {\n  n = var.name\n}\nresource \"aws_sqs_queue\" \"q\" {\n  name = local.n\n}\n");
  LoadedUnit unit = load(files);
  const Value* name = attr(unit, "aws_sqs_queue.q", "name");
  REQUIRE(name);
  CHECK(name->text == "orders");
  REQUIRE(name->where.file);
  CHECK(name->where.file->path() == "root/variables.tf");
  CHECK(name->where.text() == "\"orders\"");
  const NativeResource* q = find_resource(unit, "aws_sqs_queue.q");
  CHECK(q->declaration.text() == "resource \"aws_sqs_queue\" \"q\"");
  REQUIRE(q->body.field("name"));
  CHECK(q->body.field("name")->key_range.text() == "name");
}

TEST_CASE("evaluator: path and terraform values") {
  CHECK(eval_text("path.module") == ".");
  CHECK(eval_text("\"${path.root}/x\"") == "./x");
  CHECK(eval_text("terraform.workspace") == "default");
}

TEST_CASE("evaluator: a template with unknown parts keeps its literal text and every reference") {
  // The function ARN comes after a region that has no value: the reference is still there.
  LoadedUnit unit = load_tf(R"(variable "region" {}
resource "aws_lambda_function" "api" {
  function_name = "api"
}
resource "null_resource" "t" {
  v = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.api.arn}/invocations"
  p = "arn:${var.region}:iam::aws:policy/AdministratorAccess"
}
)");
  const Value* v = attr(unit, "null_resource.t", "v");
  REQUIRE(v);
  CHECK(v->is_unknown());
  CHECK(known_pattern(*v) == "arn:aws:apigateway:${...}:lambda:path/2015-03-31/functions/${...}/invocations");
  bool to_function = false;
  for (const Ref& r : v->refs) to_function = to_function || r.address == "aws_lambda_function.api";
  CHECK(to_function);
  CHECK(known_pattern(*attr(unit, "null_resource.t", "p")) == "arn:${...}:iam::aws:policy/AdministratorAccess");
  // A template in error is not partly known.
  LoadedUnit bad = load_tf("resource \"null_resource\" \"t\" {\n  v = \"x${[1]}\"\n}\n");
  CHECK(known_pattern(*attr(bad, "null_resource.t", "v")).empty());
}

TEST_CASE("evaluator: a YAML template rendered with unknown values is a document whose unknown parts keep their references") {
  MemoryFiles files;
  files.add("root/main.tf", R"(resource "aws_lambda_function" "api" {
  function_name = "api"
}
resource "null_resource" "t" {
  v = templatefile("${path.module}/api.yaml", { arn = aws_lambda_function.api.invoke_arn })
}
)");
  files.add("root/api.yaml", "paths:\n  /items:\n    get:\n      uri: ${arn}\n");
  LoadedUnit unit = load(files);
  const Value* v = attr(unit, "null_resource.t", "v");
  REQUIRE(v);
  REQUIRE(v->decoded);
  const Field* items = v->decoded->get("paths")->field("/items");
  REQUIRE(items);
  const Value* get = items->value.get("get");
  REQUIRE(get);
  const Value* uri = get->get("uri");
  REQUIRE(uri);
  CHECK(uri->is_unknown());
  bool to_function = false;
  for (const Ref& r : uri->refs) to_function = to_function || r.address == "aws_lambda_function.api";
  CHECK(to_function);
  // The key written once in the template points at itself.
  CHECK(items->value.field("get")->key_range.text() == "get");
}
