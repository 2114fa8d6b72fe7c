#include <doctest/doctest.h>

#include <string>

#include "syntax/yaml/yaml_loader.h"

using namespace eph;

namespace {
LineCol start_of(const Range& r) { return r.file->position(r.begin); }
LineCol end_of(const Range& r) { return r.file->position(r.end); }
}  // namespace

TEST_CASE("yaml: scalars, types and exact ranges") {
  SourceFile f("t.yaml",
               "A: plain text  # comment\n"
               "B: \"dq \\\" x\"\n"
               "C: 'sq '' x'\n"
               "D: 42\n"
               "E: true\n"
               "F: 012345678901\n"
               "G: 2010-09-09\n"
               "H:\n"
               "I: ~\n"
               "J: |\n"
               "  line one\n"
               "  line two\n"
               "\n"
               "K: folded\n"
               "  over lines\n"
               "L: 1.5\n");
  auto r = yaml::parse(f);
  REQUIRE(r.ok());
  const Value& v = r.value;
  CHECK(v.get("A")->text == "plain text");
  CHECK(v.get("A")->where.text() == "plain text");
  CHECK(v.field("A")->key_range.text() == "A");
  CHECK(v.get("B")->text == "dq \" x");
  CHECK(v.get("B")->where.text() == "\"dq \\\" x\"");
  CHECK(v.get("C")->text == "sq ' x");
  CHECK(v.get("C")->where.text() == "'sq '' x'");
  CHECK(v.get("D")->kind == Kind::Number);
  CHECK(v.get("D")->number == 42);
  CHECK(v.get("E")->kind == Kind::Bool);
  CHECK(v.get("F")->kind == Kind::String);
  CHECK(v.get("G")->text == "2010-09-09");
  CHECK(v.get("H")->is_null());
  CHECK(v.get("I")->is_null());
  CHECK(v.get("I")->where.text() == "~");
  CHECK(v.get("J")->text == "line one\nline two\n");
  CHECK(v.get("J")->where.text() == "|\n  line one\n  line two");
  CHECK(end_of(v.get("J")->where).line == 12);
  CHECK(v.get("K")->text == "folded over lines");
  CHECK(v.get("K")->where.text() == "folded\n  over lines");
  CHECK(v.get("L")->number == 1.5);
  CHECK(start_of(v.field("L")->key_range).line == 16);
  CHECK(v.where.begin == 0);
  CHECK(v.where.end == f.text().size() - 1);
}

TEST_CASE("yaml: CloudFormation tags become long-form maps") {
  SourceFile f("t.yaml",
               "A: !Ref Foo\n"
               "B: !GetAtt Res.Arn\n"
               "C: !Sub\n"
               "  - '${X}-y'\n"
               "  - X: !Ref Bar\n"
               "D: !If [Cond, !Ref A, !Ref \"AWS::NoValue\"]\n"
               "E: !Condition IsProd\n"
               "F: !Join\n"
               "  - ''\n"
               "  - [a, b]\n");
  auto r = yaml::parse(f);
  REQUIRE(r.ok());
  const Value& v = r.value;
  const Value* a = v.get("A");
  REQUIRE(a->is_map());
  CHECK(a->fields[0].key == "Ref");
  CHECK(a->fields[0].key_range.text() == "!Ref");
  CHECK(a->fields[0].value.text == "Foo");
  CHECK(a->fields[0].value.where.text() == "Foo");
  CHECK(a->where.text() == "!Ref Foo");
  CHECK(v.get("B")->get("Fn::GetAtt")->text == "Res.Arn");
  const Value* sub = v.get("C")->get("Fn::Sub");
  REQUIRE(sub->is_list());
  CHECK(sub->items[0].text == "${X}-y");
  CHECK(sub->items[1].get("X")->get("Ref")->text == "Bar");
  const Value* d = v.get("D")->get("Fn::If");
  REQUIRE(d);
  CHECK(d->where.text() == "[Cond, !Ref A, !Ref \"AWS::NoValue\"]");
  CHECK(d->items[2].get("Ref")->text == "AWS::NoValue");
  CHECK(d->items[2].where.text() == "!Ref \"AWS::NoValue\"");
  CHECK(v.get("E")->get("Condition")->text == "IsProd");
  CHECK(v.get("F")->get("Fn::Join")->items[1].items.size() == 2);
  CHECK(v.get("F")->where.text() == "!Join\n  - ''\n  - [a, b]");
}

TEST_CASE("yaml: duplicate keys are reported with the first occurrence") {
  SourceFile f("d.yaml", "Resources:\n  A:\n    Type: X\n  B: 1\n  A:\n    Type: Y\n");
  auto r = yaml::parse(f);
  CHECK(!r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message == "duplicate key 'A' (first at line 2)");
  CHECK(start_of(r.diagnostics[0].range).line == 5);
  CHECK(r.value.at("Resources/A/Type")->text == "Y");
  CHECK(r.value.get("Resources")->fields.size() == 2);
}

TEST_CASE("yaml: syntax errors carry yaml-cpp's reason and position") {
  SourceFile f("bad.yaml", "a: b\nc: d: e\n");
  auto r = yaml::parse(f);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].kind == Diagnostic::Kind::ParseError);
  CHECK(r.diagnostics[0].message.find("illegal map value") != std::string::npos);
  CHECK(start_of(r.diagnostics[0].range).line == 2);
  CHECK(start_of(r.diagnostics[0].range).column == 5);

  SourceFile g("bad2.yaml", "a: [1, 2\nb: 3\n");
  auto r2 = yaml::parse(g);
  REQUIRE(!r2.ok());
  CHECK(start_of(r2.diagnostics[0].range).line == 2);
}

TEST_CASE("yaml: anchors, aliases, merge keys and the alias bomb") {
  SourceFile f("a.yaml", "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\ncopy: *b\n");
  auto r = yaml::parse(f);
  REQUIRE(r.ok());
  CHECK(r.value.at("other/x")->number == 1);
  CHECK(r.value.at("other/y")->number == 3);
  CHECK(r.value.at("copy/y")->number == 2);

  std::string bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  const char* names = "abcdefghij";
  for (int i = 1; i < 10; ++i) {
    bomb += std::string(1, names[i]) + ": &" + names[i] + " [";
    for (int k = 0; k < 9; ++k) bomb += std::string(k ? "," : "") + "*" + names[i - 1];
    bomb += "]\n";
  }
  SourceFile g("bomb.yaml", bomb);
  auto rb = yaml::parse(g);
  bool limit = false;
  for (const auto& d : rb.diagnostics) limit |= d.kind == Diagnostic::Kind::LimitReached;
  CHECK(limit);
  CHECK(rb.value.get("j")->contains_unknown());
}

TEST_CASE("yaml: deep nesting is bounded") {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += std::string(i * 2, ' ') + "k:\n";
  deep += std::string(600, ' ') + "v\n";
  SourceFile f("deep.yaml", deep);
  auto r = yaml::parse(f);
  bool limit = false;
  for (const auto& d : r.diagnostics) limit |= d.kind == Diagnostic::Kind::LimitReached;
  CHECK(limit);

  SourceFile g("flow.yaml", "a: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  auto rg = yaml::parse(g);
  CHECK(!rg.diagnostics.empty());
}

TEST_CASE("yaml: BOM, CRLF and non-ASCII keep byte offsets") {
  SourceFile f("crlf.yaml", "\xEF\xBB\xBFName: caf\xC3\xA9\r\nNext: !Ref X\r\n");
  auto r = yaml::parse(f);
  REQUIRE(r.ok());
  CHECK(r.value.get("Name")->where.text() == "caf\xC3\xA9");
  CHECK(r.value.get("Next")->where.text() == "!Ref X");
  CHECK(start_of(r.value.field("Next")->key_range).line == 2);
}

TEST_CASE("yaml: standard tags, multiple documents, tabs in values") {
  SourceFile f("t.yaml", "a: !!str 42\nb: !!int \"7\"\nc: \"x\ty\"\n---\nd: 1\n");
  auto r = yaml::parse(f);
  REQUIRE(r.ok());
  CHECK(r.value.get("a")->kind == Kind::String);
  CHECK(r.value.get("a")->text == "42");
  CHECK(r.value.get("b")->number == 7);
  CHECK(r.value.get("c")->text == "x\ty");
  CHECK(!r.value.get("d"));  // a template is the first document
}

TEST_CASE("yaml: a tag with empty content ends at the tag") {
  SourceFile f("t.yaml", "A: !GetAZs\nB: !GetAZs ''\n");
  auto r = yaml::parse(f);
  REQUIRE(r.ok());
  CHECK(r.value.get("A")->where.text() == "!GetAZs");
  CHECK(r.value.get("A")->get("Fn::GetAZs")->text.empty());
  CHECK(r.value.get("B")->where.text() == "!GetAZs ''");
}
