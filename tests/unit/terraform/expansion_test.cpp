// count / for_each / dynamic blocks / locals order and cycles / limits.
#include <doctest/doctest.h>

#include "memory_files.h"

using namespace eph;
using namespace eph::tftest;

TEST_CASE("expansion: count gives indexed instances with count.index") {
  LoadedUnit unit = load_tf(
      "resource \"aws_sqs_queue\" \"q\" {\n  count = 3\n  name = \"q-${count.index}\"\n}\n"
      "resource \"aws_sqs_queue\" \"none\" {\n  count = 0\n}\n");
  REQUIRE(unit.resources.size() == 3);
  CHECK(unit.resources[0].address == "aws_sqs_queue.q[0]");
  CHECK(text_at(unit, "aws_sqs_queue.q[2]", "name") == "q-2");
  CHECK(attr(unit, "aws_sqs_queue.q[0]", "count") == nullptr);  // meta-arguments are not attributes
}

TEST_CASE("expansion: for_each over a map and a set, each.key and each.value") {
  LoadedUnit unit = load_tf(
      "resource \"aws_sqs_queue\" \"m\" {\n  for_each = { b = \"two\", a = \"one\" }\n  name = \"${each.key}-${each.value}\"\n}\n"
      "resource \"aws_sqs_queue\" \"s\" {\n  for_each = toset([\"x\"])\n  name = each.value\n}\n"
      "resource \"aws_sqs_queue\" \"l\" {\n  for_each = [\"p\", \"q\"]\n  name = each.key\n}\n");
  CHECK(text_at(unit, "aws_sqs_queue.m[\"a\"]", "name") == "a-one");
  CHECK(text_at(unit, "aws_sqs_queue.m[\"b\"]", "name") == "b-two");
  CHECK(unit.resources[0].address == "aws_sqs_queue.m[\"a\"]");  // ordered by key
  CHECK(text_at(unit, "aws_sqs_queue.l[\"q\"]", "name") == "q");
}

TEST_CASE("expansion: unknown count gives one instance that may not exist") {
  LoadedUnit unit = load_tf("variable \"n\" {}\nresource \"aws_sqs_queue\" \"q\" {\n  count = var.n\n  name = \"q-${count.index}\"\n}\n");
  REQUIRE(unit.resources.size() == 1);
  CHECK(unit.resources[0].address == "aws_sqs_queue.q");
  CHECK(unit.resources[0].may_not_exist);
  CHECK(text_at(unit, "aws_sqs_queue.q", "name") == "<unknown>");
}

TEST_CASE("expansion: under an unknown for_each, each.value keeps what the collection refers to") {
  LoadedUnit unit = load_tf(
      "resource \"azurerm_linux_function_app\" \"f\" {\n  name = \"f\"\n}\n"
      "resource \"azurerm_mssql_firewall_rule\" \"r\" {\n"
      "  for_each = toset(azurerm_linux_function_app.f.outbound_ip_address_list)\n"
      "  start_ip_address = each.value\n  name = each.key\n}\n");
  const Value* start = attr(unit, "azurerm_mssql_firewall_rule.r", "start_ip_address");
  REQUIRE(start);
  CHECK(start->is_unknown());
  bool outbound = false;
  for (const Ref& r : start->refs)
    outbound = outbound || (r.address == "azurerm_linux_function_app.f" && r.attribute == "outbound_ip_address_list");
  CHECK(outbound);
  CHECK(start->where.text().rfind("toset(", 0) == 0);  // the for_each value, where the addresses are written
  const Value* name = attr(unit, "azurerm_mssql_firewall_rule.r", "name");
  REQUIRE(name);
  CHECK(name->refs.empty());  // the key is not an element of the collection
}

TEST_CASE("for expressions over a resource's blocks: computed attributes of an element lead back to it") {
  LoadedUnit unit = load_tf(
      "resource \"azurerm_virtual_network\" \"v\" {\n  subnet {\n    name = \"fn\"\n  }\n}\n"
      "locals {\n  m = { a = \"x\" }\n}\n"
      "resource \"null_resource\" \"r\" {\n"
      "  id = one([for s in azurerm_virtual_network.v.subnet : s.id if s.name == \"fn\"])\n"
      "  missing = [for k, v in local.m : v.nope]\n}\n");
  const Value* id = attr(unit, "null_resource.r", "id");
  REQUIRE(id);
  CHECK(id->is_unknown());
  REQUIRE(id->refs.size() == 1);
  CHECK(id->refs[0].address == "azurerm_virtual_network.v");
  CHECK(id->refs[0].attribute == "subnet");
  const Value* missing = attr(unit, "null_resource.r", "missing");
  REQUIRE(missing);
  CHECK(missing->refs.empty());  // a local's element names no resource
}

TEST_CASE("expansion: references to instances and splats over them") {
  LoadedUnit unit = load_tf(
      "resource \"aws_sqs_queue\" \"q\" {\n  count = 2\n  name = \"q${count.index}\"\n}\n"
      "resource \"null_resource\" \"t\" {\n  first = aws_sqs_queue.q[1].name\n  all = aws_sqs_queue.q[*].name\n"
      "  arn = aws_sqs_queue.q[0].arn\n}\n");
  CHECK(text_at(unit, "null_resource.t", "first") == "q1");
  const Value* all = attr(unit, "null_resource.t", "all");
  REQUIRE(all);
  REQUIRE(all->items.size() == 2);
  CHECK(all->items[0].text == "q0");
  const Value* arn = attr(unit, "null_resource.t", "arn");
  REQUIRE(arn);
  CHECK(arn->is_unknown());
  REQUIRE(arn->refs.size() == 1);
  CHECK(arn->refs[0].address == "aws_sqs_queue.q[0]");
  CHECK(arn->refs[0].attribute == "arn");
  CHECK(arn->refs[0].where.text() == "aws_sqs_queue.q[0].arn");
}

TEST_CASE("expansion: count over the limit is EPH001 at the expression") {
  LoadedUnit unit = load_tf("resource \"aws_sqs_queue\" \"q\" {\n  count = 20000\n}\n");
  REQUIRE(count_kind(unit, Diagnostic::Kind::LimitReached) == 1);
  CHECK(unit.diagnostics[0].range.text() == "20000");
  REQUIRE(unit.resources.size() == 1);
  CHECK(unit.resources[0].may_not_exist);
}

TEST_CASE("expansion: huge for expressions and exponential locals stay bounded") {
  std::string prelude = "locals {\n  a0 = [1, 2, 3, 4, 5, 6, 7, 8]\n";
  for (int i = 1; i <= 12; ++i)
    prelude += "  a" + std::to_string(i) + " = [for x in local.a" + std::to_string(i - 1) + " : local.a" +
               std::to_string(i - 1) + "]\n";
  prelude += "}\nresource \"null_resource\" \"t\" {\n  v = local.a12\n}\n";
  LoadedUnit unit = load_tf(prelude);
  REQUIRE(count_kind(unit, Diagnostic::Kind::LimitReached) >= 1);
  CHECK(unit.diagnostics[0].range.valid());  // at an expression of the file
  CHECK(text_at(unit, "null_resource.t", "v") == "<unknown>");
}

TEST_CASE("dynamic blocks expand into repeated nested blocks") {
  LoadedUnit unit = load_tf(
      "locals {\n  ports = [80, 443]\n}\n"
      "resource \"aws_security_group\" \"sg\" {\n"
      "  ingress {\n    from_port = 22\n  }\n"
      "  dynamic \"ingress\" {\n    for_each = local.ports\n    content {\n      from_port = ingress.value\n"
      "      idx = ingress.key\n    }\n  }\n"
      "  dynamic \"egress\" {\n    for_each = { a = 1 }\n    iterator = rule\n    content {\n      to_port = rule.value\n"
      "      dynamic \"inner\" {\n        for_each = [rule.key]\n        content {\n          k = inner.value\n        }\n      }\n"
      "    }\n  }\n}\n");
  const Value* ingress = attr(unit, "aws_security_group.sg", "ingress");
  REQUIRE(ingress);
  REQUIRE(ingress->items.size() == 3);
  CHECK(ingress->items[0].get("from_port")->number == 22);
  CHECK(ingress->items[2].get("from_port")->number == 443);
  CHECK(ingress->items[2].get("idx")->number == 1);
  CHECK(text_at(unit, "aws_security_group.sg", "egress/0/to_port") == "1");
  CHECK(text_at(unit, "aws_security_group.sg", "egress/0/inner/0/k") == "a");
}

TEST_CASE("dynamic block over an unknown collection is unknown") {
  LoadedUnit unit = load_tf(
      "variable \"rules\" {}\nresource \"aws_security_group\" \"sg\" {\n"
      "  dynamic \"ingress\" {\n    for_each = var.rules\n    content {\n      from_port = ingress.value\n    }\n  }\n}\n");
  CHECK(text_at(unit, "aws_security_group.sg", "ingress") == "<unknown>");
}

TEST_CASE("locals evaluate in dependency order; cycles are reported") {
  LoadedUnit unit = load_tf(
      "locals {\n  c = \"${local.b}-c\"\n  b = \"${local.a}-b\"\n  a = \"a\"\n}\n"
      "locals {\n  x = local.y\n  y = local.x\n}\n"
      "resource \"null_resource\" \"t\" {\n  v = local.c\n  w = local.x\n}\n");
  CHECK(text_at(unit, "null_resource.t", "v") == "a-b-c");
  CHECK(text_at(unit, "null_resource.t", "w") == "<unknown>");
  REQUIRE(count_kind(unit, Diagnostic::Kind::ParseError) == 1);
  CHECK(unit.diagnostics[0].message.find("local.x -> local.y -> local.x") != std::string::npos);
}

TEST_CASE("resources reference configured attributes, keep the edge, and mark secrets") {
  LoadedUnit unit = load_tf(
      "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n  region = null\n}\n"
      "data \"aws_secretsmanager_secret_version\" \"s\" {\n  secret_id = \"x\"\n}\n"
      "resource \"aws_ssm_parameter\" \"plain\" {\n  type = \"String\"\n}\n"
      "resource \"random_password\" \"p\" {\n  length = 16\n}\n"
      "variable \"token\" {\n  sensitive = true\n  default = \"t\"\n}\n"
      "resource \"null_resource\" \"t\" {\n  name = aws_s3_bucket.b.bucket\n  arn = aws_s3_bucket.b.arn\n"
      "  whole = aws_s3_bucket.b\n  region = aws_s3_bucket.b.region\n  secret = data.aws_secretsmanager_secret_version.s.secret_string\n"
      "  plain = aws_ssm_parameter.plain.value\n  pw = \"x${random_password.p.result}\"\n  token = var.token\n}\n");
  const Value* name = attr(unit, "null_resource.t", "name");
  REQUIRE(name);
  CHECK(name->text == "logs");
  REQUIRE(name->refs.size() == 1);
  CHECK(name->refs[0].address == "aws_s3_bucket.b");
  CHECK(name->refs[0].attribute == "bucket");
  CHECK(attr(unit, "null_resource.t", "arn")->is_unknown());
  CHECK(attr(unit, "null_resource.t", "arn")->refs[0].attribute == "arn");
  CHECK(attr(unit, "null_resource.t", "region")->is_unknown());  // left null: the provider computes it
  const Value* whole = attr(unit, "null_resource.t", "whole");
  REQUIRE(whole);
  CHECK(whole->is_map());
  REQUIRE(whole->refs.size() == 1);
  CHECK(whole->refs[0].attribute.empty());
  CHECK(attr(unit, "null_resource.t", "secret")->has_mark(kSecretValue));
  CHECK_FALSE(attr(unit, "null_resource.t", "plain")->has_mark(kSecretValue));
  CHECK(attr(unit, "null_resource.t", "pw")->has_mark(kSecretValue));
  CHECK(attr(unit, "null_resource.t", "token")->has_mark(kSensitive));
  CHECK(find_resource(unit, "data.aws_secretsmanager_secret_version.s")->type == "data.aws_secretsmanager_secret_version");
}

TEST_CASE("expansion: large for expressions into maps stay linear") {
  LoadedUnit unit = load_tf(
      "locals {\n  keys = flatten([for i in range(250) : [for j in range(200) : \"k${i * 200 + j}\"]])\n"
      "  big = { for i, k in local.keys : k => i }\n}\n"
      "resource \"null_resource\" \"t\" {\n  n = length(local.big)\n  last = local.big[\"k49999\"]\n}\n");
  CHECK(text_at(unit, "null_resource.t", "n") == "50000");
  CHECK(text_at(unit, "null_resource.t", "last") == "49999");
}
