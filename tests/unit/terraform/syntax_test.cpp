// Syntax errors become EPH000 diagnostics with exact positions; the rest is still analysed.
// JSON configuration syntax; incremental re-parse.
#include <doctest/doctest.h>

#include <cstring>

#include "memory_files.h"
#include "syntax/hcl/hcl_tree.h"

using namespace eph;
using namespace eph::tftest;

TEST_CASE("syntax: an error is reported at its position and the rest of the file is analysed") {
  LoadedUnit unit = load_tf(
      "resource \"aws_sqs_queue\" \"before\" {\n  name = \"a\"\n}\n"
      "resource \"aws_sqs_queue\" \"broken\" {\n  name = \n}\n}\n"
      "resource \"aws_sqs_queue\" \"after\" {\n  name = \"c\"\n}\n");
  REQUIRE(count_kind(unit, Diagnostic::Kind::ParseError) >= 1);
  const Diagnostic& d = unit.diagnostics[0];
  CHECK(d.range.file->path() == "root/main.tf");
  CHECK(to_location(d.range).line >= 5);
  CHECK((d.message.rfind("unexpected", 0) == 0 || d.message.rfind("missing", 0) == 0));
  CHECK(text_at(unit, "aws_sqs_queue.before", "name") == "a");
  CHECK(text_at(unit, "aws_sqs_queue.after", "name") == "c");
}

TEST_CASE("syntax: a missing closing quote and brace are named") {
  LoadedUnit unit = load_tf("resource \"aws_sqs_queue\" \"q\" {\n  name = \"abc\n}\n");
  REQUIRE(count_kind(unit, Diagnostic::Kind::ParseError) >= 1);
  LoadedUnit unclosed = load_tf("resource \"aws_sqs_queue\" \"q\" {\n  name = \"abc\"\n");
  REQUIRE(count_kind(unclosed, Diagnostic::Kind::ParseError) >= 1);
  bool named = false;
  for (const auto& d : unclosed.diagnostics) named = named || d.message.find("'}'") != std::string::npos;
  CHECK(named);
}

TEST_CASE("syntax: deep nesting is a limit, not a crash") {
  std::string deep = "resource \"null_resource\" \"t\" {\n  v = " + std::string(5000, '[') + "1" + std::string(5000, ']') + "\n}\n";
  LoadedUnit unit = load_tf(deep);
  CHECK(count_kind(unit, Diagnostic::Kind::LimitReached) >= 1);
  CHECK(find_resource(unit, "null_resource.t"));
}

TEST_CASE("syntax: incremental re-parse keeps a valid tree") {
  auto v1 = std::make_shared<SourceFile>("a.tf", "a = 1\n");
  hcl::HclTree tree(v1);
  CHECK_FALSE(tree.has_errors());
  auto v2 = std::make_shared<SourceFile>("a.tf", "a = 12\n");
  TSInputEdit edit{5, 5, 6, {0, 5}, {0, 5}, {0, 6}};
  tree.reparse(v2, edit);
  CHECK_FALSE(tree.has_errors());
  CHECK(ts_node_end_byte(tree.root()) == 7);
  auto v3 = std::make_shared<SourceFile>("a.tf", "a = [12\n");
  TSInputEdit edit2{4, 4, 5, {0, 4}, {0, 4}, {0, 5}};
  tree.reparse(v3, edit2);
  CHECK(tree.has_errors());
  CHECK_FALSE(hcl::syntax_errors(tree).empty());
}

TEST_CASE("json syntax: resources, variables, templates and nested blocks") {
  MemoryFiles files;
  files.add("root/main.tf.json", R"({
  "variable": {"name": {"default": "orders"}},
  "locals": {"prefix": "app"},
  "resource": {
    "aws_sqs_queue": {"q": {"name": "${local.prefix}-${var.name}", "count": 2}},
    "aws_security_group": {"sg": {"ingress": [{"from_port": 80}, {"from_port": 443}]}}
  },
  "data": {"aws_iam_policy_document": {"p": {"statement": {"actions": ["s3:*"], "resources": ["*"]}}}}
})");
  LoadedUnit unit = load(files);
  CHECK(unit.diagnostics.empty());
  CHECK(text_at(unit, "aws_sqs_queue.q[1]", "name") == "app-orders");
  CHECK(attr(unit, "aws_security_group.sg", "ingress")->items.size() == 2);
  const Value* json = attr(unit, "data.aws_iam_policy_document.p", "json");
  REQUIRE(json);
  REQUIRE(json->decoded);
  CHECK(json->decoded->at("Statement/0/Action")->text == "s3:*");
  const NativeResource* q = find_resource(unit, "aws_sqs_queue.q[0]");
  REQUIRE(q);
  CHECK(q->declaration.text() == "\"q\"");
}
