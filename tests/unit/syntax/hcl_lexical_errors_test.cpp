// HCL's lexical mistakes: EPH000 names the character at its place, in HCL's words, instead of
// the grammar's "unexpected 'locals'" at the file's first line. The expected ranges and
// messages are those of HashiCorp's parser (@cdktf/hcl2json) on the same text.
#include <doctest/doctest.h>

#include <algorithm>
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

std::vector<Reported> errors_of(const std::string& text) {
  auto file = std::make_shared<SourceFile>("main.tf", text);
  hcl::HclTree tree(file);
  std::vector<Reported> reported;
  for (const auto& d : hcl::syntax_errors(tree)) {
    LineCol at = file->position(d.range.begin);
    reported.push_back({d.message, at.line, at.column, std::string(d.range.text())});
  }
  return reported;
}

}  // namespace

TEST_CASE("hcl lexical: an invalid escape is reported at the escape, not at the file's start") {
  auto r = errors_of("locals {\n  a = \"x\\qy\"\n  b = 1\n}\n");
  REQUIRE(r.size() == 1);
  CHECK(r[0].message == "Invalid escape sequence: The symbol \"q\" is not a valid escape sequence selector.");
  CHECK(r[0].line == 2);
  CHECK(r[0].column == 9);
  CHECK(r[0].text == "\\q");
  // The cloudflare provider's examples write JavaScript's \' in a quoted string.
  auto quote = errors_of("locals {\n  t = \"$merge([$, {\\'userName\\': 1}])\"\n}\n");
  REQUIRE(quote.size() == 2);
  CHECK(quote[0].text == "\\'");
  CHECK(quote[0].column == 20);
  CHECK(quote[1].text == "\\'");
}

TEST_CASE("hcl lexical: \\u and \\U want four and eight hexadecimal digits") {
  auto u = errors_of("locals {\n  a = \"\\u00\"\n}\n");
  REQUIRE(u.size() == 1);
  CHECK(u[0].message == "Invalid escape sequence: The \\u escape sequence must be followed by four hexadecimal digits.");
  CHECK(u[0].text == "\\u00");
  auto big = errors_of("locals {\n  a = \"\\U0001F60\"\n}\n");
  REQUIRE(big.size() == 1);
  CHECK(big[0].text == "\\U0001F60");
  CHECK(errors_of("locals {\n  a = \"\\u00e9 \\U0001F600 \\\" \\\\ \\n \\r \\t\"\n}\n").empty());
}

TEST_CASE("hcl lexical: escapes are read in strings inside interpolations, not in heredoc text") {
  auto nested = errors_of("locals {\n  a = \"${\"\\q\"}\"\n}\n");
  REQUIRE(nested.size() == 1);
  CHECK(nested[0].line == 2);
  CHECK(nested[0].column == 11);
  auto heredoc = errors_of("locals {\n  a = <<-EOT\n  \\q ${ \"\\q\" } $${x}\n  EOT\n}\n");
  REQUIRE(heredoc.size() == 1);
  CHECK(heredoc[0].line == 3);
  CHECK(heredoc[0].column == 10);
  CHECK(errors_of("locals {\n  a = <<EOT\n\\d+ 'x' ; ~\nEOT\n}\n").empty());
}

TEST_CASE("hcl lexical: characters HCL has no token for") {
  auto at = errors_of("locals {\n  a = 1 @ 2\n}\n");
  REQUIRE(at.size() == 1);
  CHECK(at[0].message == "Invalid character: This character is not used within the language.");
  CHECK(at[0].line == 2);
  CHECK(at[0].column == 9);
  auto quotes = errors_of("locals {\n  a = 'x' + 'y'\n}\n");
  REQUIRE(quotes.size() == 2);  // HCL tells every other one: the opening quotes
  CHECK(quotes[0].message == "Invalid character: Single quotes are not valid. Use double quotes (\") to enclose strings.");
  CHECK(quotes[0].column == 7);
  CHECK(quotes[1].column == 13);
  auto semicolon = errors_of("locals {\n  a = 1;\n  b = 2;\n}\n");
  REQUIRE(semicolon.size() == 1);  // told once
  CHECK(semicolon[0].column == 8);
  auto backtick = errors_of("locals {\n  a = `x`\n}\n");
  REQUIRE(backtick.size() == 1);
  CHECK(backtick[0].column == 7);
  auto dollar = errors_of("locals {\n  a = $x\n}\n");
  REQUIRE(dollar.size() == 1);
  CHECK(dollar[0].column == 7);
}

TEST_CASE("hcl lexical: bitwise operators and **") {
  auto r = errors_of("locals {\n  a = 1 ^ 2\n  b = 1 | 2\n  c = 1 & 2\n  d = ~1\n  e = 1 & 2\n}\n");
  REQUIRE(r.size() == 4);  // HCL tells four at most
  CHECK(r[0].message == "Unsupported operator: Bitwise operators are not supported.");
  CHECK(r[1].message == "Unsupported operator: Bitwise operators are not supported. Did you mean boolean OR (\"||\")?");
  CHECK(r[2].message == "Unsupported operator: Bitwise operators are not supported. Did you mean boolean AND (\"&&\")?");
  CHECK(r[3].message == "Unsupported operator: Bitwise operators are not supported. Did you mean boolean NOT (\"!\")?");
  CHECK(r[3].line == 5);
  CHECK(r[3].column == 7);
  CHECK(errors_of("locals {\n  a = true && !false || x\n}\n").empty());
}

TEST_CASE("hcl lexical: what is valid stays silent, and a file without tree errors is not read again") {
  // Strip markers, directives, escaped template sequences, comments of every kind, splats.
  CHECK(errors_of("locals {\n  a = \"${~ x ~}\"\n  b = \"%{~ if x ~}y%{~ endif ~}\"\n  c = \"$${x} %%{y}\"\n"
                  "  # it's ; @ ~\n  // `x`\n  /* 'y' & */\n  d = a[*].b\n  e = { for k, v in m : k => v... }\n}\n")
            .empty());
  // A grammar error with no lexical cause keeps the grammar's report.
  auto brace = errors_of("locals {\n  a = 1\n");
  REQUIRE(brace.size() == 1);
  CHECK(brace[0].message == "missing closing '}'");
}

TEST_CASE("hcl lexical: the grammar's other errors are those of the text read past the characters") {
  // An unclosed parenthesis after the escape is still reported, at its place; the escape's
  // echo (an error over the rest of the file) is not.
  auto r = errors_of("locals {\n  b = \"\\q\"\n}\nlocals {\n  a = (1\n}\n");
  REQUIRE(r.size() == 2);
  CHECK(r[0].message == "Invalid escape sequence: The symbol \"q\" is not a valid escape sequence selector.");
  CHECK(r[0].line == 2);
  CHECK(r[1].message == "missing closing ')'");
  CHECK(r[1].line == 5);
  CHECK(r[1].column == 9);
  // A lone quote leaves a string open in the text read past it too.
  auto open = errors_of("locals {\n  a = 'x\n}\n");
  REQUIRE(!open.empty());
  CHECK(open[0].line == 2);
  CHECK(open[0].column == 7);
  CHECK(open[0].message.rfind("Invalid character: Single quotes", 0) == 0);
}

TEST_CASE("hcl lexical: deeply nested interpolations end the check, not the process") {
  std::string deep = "x = ";
  for (int i = 0; i < 200000; ++i) deep += "\"${";
  deep += "@";
  auto file = std::make_shared<SourceFile>("main.tf", deep);
  hcl::LexicalErrors found = hcl::lexical_errors(*file);
  CHECK(found.diagnostics.empty());  // the `@` lies past the depth judged
  auto shallow = std::make_shared<SourceFile>("main.tf", "x = \"${\"${@}\"}\"\n");
  CHECK(hcl::lexical_errors(*shallow).diagnostics.size() == 1);
}
