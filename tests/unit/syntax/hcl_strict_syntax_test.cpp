// What HashiCorp's parser rejects and the grammar accepts: EPH000 at the exact place, in HCL's
// words (the verdicts are also compared with HashiCorp's parser by the hcl-reference test).
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "syntax/hcl/hcl_tree.h"

using namespace eph;

namespace {

struct Reported {
  std::string message;
  uint32_t line = 0, column = 0;
  std::string text;
};

std::vector<Reported> strict(const std::string& text) {
  auto file = std::make_shared<SourceFile>("main.tf", text);
  hcl::HclTree tree(file);
  std::vector<Diagnostic> out;
  hcl::strict_syntax_errors(tree, out);
  std::vector<Reported> reported;
  for (const auto& d : out) {
    LineCol at = file->position(d.range.begin);
    reported.push_back({d.message, at.line, at.column, std::string(d.range.text())});
  }
  return reported;
}

bool starts(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("hcl strict: an argument set twice in one body") {
  auto r = strict("resource \"a\" \"b\" {\n  x = 1\n  x = 2\n}\n");
  REQUIRE(r.size() == 1);
  CHECK(r[0].message ==
        "Attribute redefined: The argument \"x\" was already set at main.tf:2,3-4. Each argument may be set only once.");
  CHECK(r[0].line == 3);
  CHECK(r[0].column == 3);
  CHECK(r[0].text == "x");
  CHECK(strict("a {\n  x = 1\n}\na {\n  x = 2\n}\n").empty());  // two blocks: two bodies
  CHECK(strict("locals {\n  x = 1\n  y {\n    x = 2\n  }\n}\n").empty());
}

TEST_CASE("hcl strict: invalid number literals") {
  auto r = strict("resource \"a\" \"b\" {\n  cidr = 10.11.10.12/32\n}\n");
  REQUIRE(r.size() == 1);
  CHECK(starts(r[0].message, "Invalid number literal: Failed to recognize the value of this number literal."));
  CHECK(r[0].line == 2);
  CHECK(r[0].column == 10);
  CHECK(r[0].text == "10.11.10.12");
  auto hex = strict("x = 0x10\n");
  REQUIRE(hex.size() == 1);
  CHECK(hex[0].text == "0x10");
  auto legacy = strict("x = a.1.2\n");
  REQUIRE(legacy.size() == 1);
  CHECK(starts(legacy[0].message, "Invalid legacy index syntax"));
  CHECK(legacy[0].text == "1.2");
  CHECK(strict("x = 10.11\ny = a.0.b\nz = 1.5e10\n").empty());
}

TEST_CASE("hcl strict: a missing newline after an argument or a block") {
  auto r = strict("resource \"a\" \"b\" {\n  y = 1 z = 2\n}\n");
  REQUIRE(r.size() == 1);
  CHECK(r[0].message == "Missing newline after argument: An argument definition must end with a newline.");
  CHECK(r[0].line == 2);
  CHECK(r[0].column == 9);
  auto brace = strict("a {\n  x = 1 }\n");
  REQUIRE(brace.size() == 1);
  CHECK(brace[0].column == 9);
  auto blocks = strict("a {} b {}\n");
  REQUIRE(blocks.size() == 1);
  CHECK(starts(blocks[0].message, "Missing newline after block definition"));
  CHECK(blocks[0].column == 6);
  CHECK(strict("a {\n  x = 1 # c\n  y = 2 // c\n  z = 3 /* c */\n}\n").empty());
}

TEST_CASE("hcl strict: single-line blocks hold one argument and close on their line") {
  CHECK(strict("a \"b\" { x = 1 }\na {}\na { }\n").empty());
  auto two = strict("a { x = 1 y = 2 }\n");  // with a comma the grammar itself rejects it
  REQUIRE(two.size() == 1);
  CHECK(starts(two[0].message, "Invalid single-argument block definition"));
  CHECK(two[0].column == 11);
  auto open = strict("a { x = 1\n}\n");
  REQUIRE(open.size() == 1);
  CHECK(starts(open[0].message, "Invalid single-argument block definition"));
  CHECK(open[0].column == 10);
  auto nested = strict("a { b {} }\n");
  REQUIRE(nested.size() == 1);
  CHECK(starts(nested[0].message, "Argument definition required"));
  CHECK(nested[0].column == 5);
}

TEST_CASE("hcl strict: headers on one line, object separators, one-line quoted strings") {
  auto header = strict("a\n{}\n");
  REQUIRE(header.size() == 1);
  CHECK(starts(header[0].message, "Argument or block definition required"));
  CHECK(header[0].line == 1);
  auto object = strict("x = {a = 1 b = 2}\n");
  REQUIRE(object.size() == 1);
  CHECK(starts(object[0].message, "Missing attribute separator"));
  CHECK(object[0].column == 12);
  CHECK(strict("x = {\n  a = 1\n  b = 2, c = 3\n}\n").empty());
  CHECK(strict("x = \"a ${b\n  } c\"\n").empty());
  auto split = strict("x = \"a\nb\"\n");
  REQUIRE(split.size() == 1);
  CHECK(starts(split[0].message, "Invalid multi-line string"));
  CHECK(split[0].column == 5);
  auto empty = strict("x = \"${}\"\n");
  REQUIRE(empty.size() == 1);
  CHECK(starts(empty[0].message, "Invalid expression"));
  CHECK(empty[0].column == 8);
}

TEST_CASE("hcl strict: a line break ends an expression outside brackets") {
  auto index = strict("x = a\n  [0]\n");
  REQUIRE(index.size() == 1);
  CHECK(starts(index[0].message, "Argument or block definition required"));
  CHECK(index[0].line == 2);
  CHECK(index[0].column == 3);
  auto op = strict("x = 1\n  + 2\n");
  REQUIRE(op.size() == 1);
  CHECK(op[0].line == 2);
  auto after_equals = strict("x =\n  1\n");
  REQUIRE(after_equals.size() == 1);
  CHECK(starts(after_equals[0].message, "Invalid expression"));
  CHECK(after_equals[0].column == 4);
  CHECK(strict("x = (1 +\n  2)\ny = [\n  1,\n]\nz = {\n  a = 1\n}\nw = f(\n  a,\n)\n").empty());
  CHECK(strict("x = <<EOT\nabc\nEOT\ny = \"a ${b\n}\"\n").empty());
}

TEST_CASE("hcl strict: provider-function names and heredoc markers") {
  auto var = strict("x = a::b\n");
  REQUIRE(var.size() == 1);
  CHECK(starts(var[0].message, "Missing open parenthesis"));
  CHECK(var[0].column == 9);
  CHECK(strict("x = provider::aws::arn_parse(\"a\")\n").empty());
  auto name = strict("a::b = 1\n");
  REQUIRE(name.size() == 1);
  CHECK(starts(name[0].message, "Argument or block definition required"));
  auto marker = strict("x = <<EOT abc\nEOT\n");
  REQUIRE(marker.size() == 1);
  CHECK(starts(marker[0].message, "Invalid expression"));
  CHECK(marker[0].column == 5);
}
