// Where yaml-cpp 0.7 errs, the loader follows libyaml (libyaml_events.h): valid YAML that
// yaml-cpp rejects is read with exact ranges, invalid YAML that yaml-cpp accepts is an error.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "syntax/yaml/yaml_loader.h"
#include "unit/corpus_manifest.h"

using namespace eph;

namespace {
LineCol start_of(const Range& r) { return r.file->position(r.begin); }

bool has_error(const yaml::ParseResult& r, std::string_view fragment) {
  for (const auto& d : r.diagnostics)
    if (d.kind == Diagnostic::Kind::ParseError && d.message.find(fragment) != std::string::npos) return true;
  return false;
}

// Same kinds, texts, keys and ranges.
void check_same(const Value& a, const Value& b) {
  CAPTURE(a.where.text());
  REQUIRE(a.kind == b.kind);
  CHECK(a.where.begin == b.where.begin);
  CHECK(a.where.end == b.where.end);
  CHECK(a.text == b.text);
  CHECK(a.number == b.number);
  REQUIRE(a.items.size() == b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i) check_same(a.items[i], b.items[i]);
  REQUIRE(a.fields.size() == b.fields.size());
  for (size_t i = 0; i < a.fields.size(); ++i) {
    CHECK(a.fields[i].key == b.fields[i].key);
    CHECK(a.fields[i].key_range.begin == b.fields[i].key_range.begin);
    CHECK(a.fields[i].key_range.end == b.fields[i].key_range.end);
    check_same(a.fields[i].value, b.fields[i].value);
  }
}
}  // namespace

TEST_CASE("yaml: a tagged plain scalar continued on the next line (yaml-cpp: end of map not found)") {
  SourceFile f("t.yaml",
               "Resources:\n"
               "  Fn:\n"
               "    Type: AWS::Lambda::Function\n"
               "    Properties:\n"
               "      Description:\n"
               "        !Sub text ${X}\n"
               "        continued here\n");
  auto r = yaml::parse(f);
  REQUIRE(r.ok());
  const Value* description = r.value.at("Resources/Fn/Properties/Description");
  REQUIRE(description);
  REQUIRE(description->is_map());
  CHECK(description->fields[0].key == "Fn::Sub");
  CHECK(description->fields[0].key_range.text() == "!Sub");
  CHECK(start_of(description->fields[0].key_range).line == 6);
  CHECK(start_of(description->fields[0].key_range).column == 9);
  const Value& text = description->fields[0].value;
  CHECK(text.text == "text ${X} continued here");
  CHECK(text.where.text() == "text ${X}\n        continued here");
  CHECK(description->where.text() == "!Sub text ${X}\n        continued here");
  CHECK(r.value.at("Resources/Fn/Type")->where.text() == "AWS::Lambda::Function");
}

TEST_CASE("yaml: a tagged plain scalar after its key, continued on the next line") {
  SourceFile f("t.yaml",
               "Resources:\n"
               "  Fn:\n"
               "    Type: AWS::Lambda::Function\n"
               "    Properties:\n"
               "      Description: !Sub text ${X}\n"
               "        continued here\n"
               "      Handler: index.handler\n");
  auto r = yaml::parse(f);
  REQUIRE(r.ok());
  const Value* sub = r.value.at("Resources/Fn/Properties/Description/Fn::Sub");
  REQUIRE(sub);
  CHECK(sub->text == "text ${X} continued here");
  CHECK(sub->where.text() == "text ${X}\n        continued here");
  CHECK(start_of(r.value.at("Resources/Fn/Properties/Handler")->where).line == 7);
}

TEST_CASE("yaml: more tagged scalars yaml-cpp rejects, read as libyaml reads them") {
  SUBCASE("tagged plain scalar in a sequence, continued") {
    SourceFile f("t.yaml", "Statement:\n  - !Sub arn:aws:s3:::${Bucket}\n    /more\n  - x\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    const Value* list = r.value.get("Statement");
    REQUIRE(list->items.size() == 2);
    CHECK(list->items[0].get("Fn::Sub")->text == "arn:aws:s3:::${Bucket} /more");
    CHECK(list->items[0].where.text() == "!Sub arn:aws:s3:::${Bucket}\n    /more");
    CHECK(list->items[1].where.text() == "x");
  }
  SUBCASE("second item of an indentless sequence") {
    SourceFile f("t.yaml", "A:\n- !Ref X\n- !Sub a\n  b\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    CHECK(r.value.get("A")->items[1].get("Fn::Sub")->text == "a b");
  }
  SUBCASE("anchored and aliased") {
    SourceFile f("t.yaml", "A:\n  &a !Sub x\n  y\nB: *a\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    CHECK(r.value.at("A/Fn::Sub")->text == "x y");
    CHECK(r.value.at("B/Fn::Sub")->text == "x y");
  }
  SUBCASE("non-ASCII text before and inside: ranges stay in bytes") {
    SourceFile f("t.yaml", "\xEF\xBB\xBFN: caf\xC3\xA9\nD:\n  !Sub caf\xC3\xA9 ${X}\n  \xC3\xA9t\xC3\xA9\nE: z\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    CHECK(r.value.get("N")->where.text() == "caf\xC3\xA9");
    CHECK(r.value.at("D/Fn::Sub")->where.text() == "caf\xC3\xA9 ${X}\n  \xC3\xA9t\xC3\xA9");
    CHECK(r.value.get("E")->where.text() == "z");
    CHECK(start_of(r.value.field("E")->key_range).line == 5);
  }
}

TEST_CASE("yaml: tagged block scalars in sequences indented by one or two spaces") {
  SUBCASE("the tracker's cases") {
    SourceFile one("t.yaml", "key:\n- !t |\n multiple\n words\n");
    auto r1 = yaml::parse(one);
    REQUIRE(r1.ok());
    CHECK(r1.value.get("key")->items[0].get("Fn::t")->text == "multiple\nwords\n");
    SourceFile two("t.yaml", "key:\n- !!str |\n  multiple\n  words\n");
    auto r2 = yaml::parse(two);
    REQUIRE(r2.ok());
    CHECK(r2.value.get("key")->items[0].text == "multiple\nwords\n");
    CHECK(r2.value.get("key")->items[0].where.text() == "|\n  multiple\n  words");
  }
  SUBCASE("a Lambda ZipFile joined from !Sub blocks") {
    SourceFile f("t.yaml",
                 "Resources:\n"
                 "  Fn:\n"
                 "    Properties:\n"
                 "      Code:\n"
                 "        ZipFile: !Join\n"
                 "        - ''\n"
                 "        - - !Sub |\n"
                 "            line ${X}\n"
                 "          - x\n"
                 "Outputs:\n"
                 "  A:\n"
                 "    Value: !Join\n"
                 "    - ''\n"
                 "    - - !Sub >\n"
                 "       folded ${X}\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    const Value* parts = r.value.at("Resources/Fn/Properties/Code/ZipFile/Fn::Join");
    REQUIRE(parts);
    CHECK(parts->items[1].items[0].get("Fn::Sub")->text == "line ${X}\n");
    CHECK(parts->items[1].items[0].where.text() == "!Sub |\n            line ${X}");
    CHECK(parts->items[1].items[1].text == "x");
    CHECK(r.value.at("Outputs/A/Value/Fn::Join")->items[1].items[0].get("Fn::Sub")->text == "folded ${X}\n");
  }
  SUBCASE("folded, then another item") {
    SourceFile f("t.yaml", "Commands:\n- !Sub >\n  echo ${X}\n  and more\n- x\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    CHECK(r.value.get("Commands")->items[0].get("Fn::Sub")->text == "echo ${X} and more\n");
    CHECK(r.value.get("Commands")->items[1].text == "x");
  }
}

TEST_CASE("yaml: invalid YAML that yaml-cpp accepts is an error") {
  // A plain scalar left after the last key of a block mapping (yaml-cpp issue 819).
  SourceFile f("t.yaml", "foo: bar\nnot-a-key");
  auto r = yaml::parse(f);
  CHECK(!r.ok());
  CHECK(has_error(r, "could not find expected ':'"));
  CHECK(start_of(r.diagnostics[0].range).line == 2);
}

TEST_CASE("yaml: where both parsers reject, the error is yaml-cpp's, as before") {
  SourceFile f("t.yaml", "a: b\n  c: d\n");
  auto r = yaml::parse(f);
  CHECK(has_error(r, "illegal map value"));
  CHECK(start_of(r.diagnostics[0].range).line == 2);
}

TEST_CASE("yaml: a region of a file and a text without a place") {
  SourceFile f("main.tf", "x = <<EOT\na: !Ref 1\nb: [1, 2]\nEOT\n");
  uint32_t begin = static_cast<uint32_t>(f.text().find("a:"));
  uint32_t end = static_cast<uint32_t>(f.text().find("EOT\n", begin));
  yaml::Limits plain;
  plain.cloudformation_tags = false;
  auto r = yaml::parse(f, begin, end, plain);
  REQUIRE(r.ok());
  CHECK(r.value.get("a")->text == "1");  // a local tag means nothing outside templates: a string
  CHECK(r.value.get("b")->where.text() == "[1, 2]");
  CHECK(start_of(r.value.field("b")->key_range).line == 3);

  Range fallback{&f, 0, 1};
  auto t = yaml::parse_text("{1.0: x, c: [d]}", fallback, plain);
  REQUIRE(t.ok());
  CHECK(t.value.get("1.0")->text == "x");
  CHECK(t.value.at("c/0")->where.begin == 0);
  CHECK(t.value.at("c/0")->where.end == 1);
}

TEST_CASE("yaml: size limit") {
  yaml::Limits small;
  small.max_bytes = 8;
  SourceFile f("t.yaml", "a: 1\nb: 2\nc: 3\n");
  auto r = yaml::parse(f, small);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].kind == Diagnostic::Kind::LimitReached);
  CHECK(r.value.is_null());
}

TEST_CASE("yaml corpus: libyaml's trees equal yaml-cpp's wherever yaml-cpp reads the file" * doctest::test_suite("corpus")) {
  std::filesystem::path dir = testing::corpus_dir();
  if (!std::filesystem::exists(dir / "MANIFEST.tsv")) return;
  size_t compared = 0;
  for (const auto& [rel, expect] : testing::read_corpus_manifest(dir)) {
    if (rel.size() < 5 || (!rel.ends_with(".yaml") && !rel.ends_with(".yml"))) continue;
    std::ifstream in(dir / rel, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    SourceFile f(rel, text.str());
    auto automatic = yaml::parse_with_yaml_cpp_too(f);  // yaml-cpp's tree wherever it reads the file
    auto libyaml = yaml::parse_with_libyaml(f);
    CAPTURE(rel);
    CHECK(automatic.ok() == libyaml.ok());
    if (!automatic.ok() || !libyaml.ok()) continue;
    check_same(automatic.value, libyaml.value);
    ++compared;
  }
  MESSAGE(compared << " corpus YAML files read alike");
  CHECK(compared > 500);
}

TEST_CASE("yaml: a quoted scalar of only an empty line is a line break (yaml-cpp reads it empty)") {
  // Found by the corpus comparison: CloudFormation templates join lines with such scalars.
  SourceFile f("t.yaml", "A: 'x\n\n  y'\nB: '\n\n  '\nC: \"\n\n  \"\nD: z\n");
  auto r = yaml::parse(f);
  REQUIRE(r.ok());
  CHECK(r.value.get("A")->text == "x\ny");
  CHECK(r.value.get("B")->text == "\n");
  CHECK(r.value.get("B")->where.text() == "'\n\n  '");
  CHECK(r.value.get("C")->text == "\n");
  CHECK(r.value.get("D")->where.text() == "z");
}

TEST_CASE("yaml: an anchor is a property too: anchored nodes yaml-cpp rejects in sequences") {
  SUBCASE("anchored literal block, then its alias") {
    SourceFile f("t.yaml", "k:\n- &a |\n  x\n- *a\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    CHECK(r.value.get("k")->items[0].text == "x\n");
    CHECK(r.value.get("k")->items[1].text == "x\n");
  }
  SUBCASE("anchored plain scalar continued") {
    SourceFile f("t.yaml", "k:\n- &a x\n  y\n- *a\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    CHECK(r.value.get("k")->items[0].text == "x y");
    CHECK(r.value.get("k")->items[0].where.text() == "x\n  y");
  }
  SUBCASE("tagged and anchored, folded, indented by one") {
    SourceFile f("t.yaml", "k:\n- !Sub &a >\n x\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    CHECK(r.value.get("k")->items[0].get("Fn::Sub")->text == "x\n");
  }
  SUBCASE("deeper in the template") {
    SourceFile f("t.yaml", "a:\n  b:\n    - !Sub x ${Y}\n      z\n    - w\n");
    auto r = yaml::parse(f);
    REQUIRE(r.ok());
    CHECK(r.value.at("a/b/0/Fn::Sub")->text == "x ${Y} z");
    CHECK(r.value.at("a/b/1")->text == "w");
  }
}
