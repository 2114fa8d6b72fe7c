#include <doctest/doctest.h>

#include <string>

#include "syntax/json/json_loader.h"

using namespace eph;

namespace {

LineCol start_of(const Range& r) { return r.file->position(r.begin); }
LineCol end_of(const Range& r) { return r.file->position(r.end); }

}  // namespace

TEST_CASE("json: values, ranges of scalars, keys and containers") {
  SourceFile f("t.json", "{\n  \"a\": \"x\\\"y\",\n  \"n\": -1.5e2,\n  \"l\": [true, false, null]\n}\n");
  auto r = json::parse(f);
  REQUIRE(r.ok());
  const Value& v = r.value;
  REQUIRE(v.is_map());
  CHECK(v.where.text().front() == '{');
  CHECK(v.where.text().back() == '}');
  const Field* a = v.field("a");
  REQUIRE(a);
  CHECK(a->key_range.text() == "\"a\"");
  CHECK(start_of(a->key_range).line == 2);
  CHECK(start_of(a->key_range).column == 3);
  CHECK(a->value.text == "x\"y");
  CHECK(a->value.where.text() == "\"x\\\"y\"");
  CHECK(start_of(a->value.where).column == 8);
  CHECK(end_of(a->value.where).column == 14);
  CHECK(v.get("n")->number == -150.0);
  CHECK(v.get("n")->where.text() == "-1.5e2");
  const Value* l = v.get("l");
  REQUIRE(l->is_list());
  REQUIRE(l->items.size() == 3);
  CHECK(l->items[0].kind == Kind::Bool);
  CHECK(l->items[0].boolean);
  CHECK(!l->items[1].boolean);
  CHECK(l->items[2].is_null());
  CHECK(l->items[2].where.text() == "null");
  CHECK(l->where.text() == "[true, false, null]");
}

TEST_CASE("json: escapes, surrogate pairs and raw UTF-8") {
  SourceFile f("t.json", R"(["\u00e9\ud83d\ude00\n\t\/\\\b\f\r", "é😀"])");
  auto r = json::parse(f);
  REQUIRE(r.ok());
  CHECK(r.value.items[0].text == "\xC3\xA9\xF0\x9F\x98\x80\n\t/\\\b\f\r");
  CHECK(r.value.items[1].text == "\xC3\xA9\xF0\x9F\x98\x80");
}

TEST_CASE("json: syntax errors carry exact positions") {
  struct Case {
    const char* text;
    uint32_t line, column;
    const char* fragment;
  };
  Case cases[] = {
      {"{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7, "expected ':'"},
      {"{\"a\": [1, 2,]}", 1, 13, "expected a JSON value"},
      {"{\"a\": 1,}", 1, 9, "expected a string object key"},
      {"[1 2]", 1, 4, "expected ',' or ']'"},
      {"{\"a\": \"abc", 1, 7, "unterminated string"},
      {"{\"a\": \"a\\qb\"}", 1, 9, "invalid escape"},
      {"[\"\\ud800\"]", 1, 3, "surrogate"},
      {"[\"\\udc00\"]", 1, 3, "surrogate"},
      {"[\"\\u12g4\"]", 1, 7, "hex digits"},
      {"[01]", 1, 3, "leading zero"},
      {"[1.]", 1, 4, "after '.'"},
      {"[tru]", 1, 2, "expected 'true'"},
      {"{} x", 1, 4, "after the JSON value"},
      {"", 1, 1, "empty document"},
      {"  \n", 2, 1, "empty document"},
      {"[\"a\tb\"]", 1, 4, "control character"},
      {"{\"a\":", 1, 6, "unexpected end of input"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    SourceFile f("bad.json", c.text);
    auto r = json::parse(f);
    CHECK(!r.ok());
    CHECK(r.value.is_null());
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.kind == Diagnostic::Kind::ParseError);
    CHECK(d.message.find(c.fragment) != std::string::npos);
    CHECK(d.range.file == &f);
    CHECK(start_of(d.range).line == c.line);
    CHECK(start_of(d.range).column == c.column);
  }
}

TEST_CASE("json: duplicate keys are reported, last value wins") {
  SourceFile f("d.json", "{\n  \"Name\": 1,\n  \"Other\": 2,\n  \"Name\": 3\n}");
  auto r = json::parse(f);
  CHECK(!r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message == "duplicate key 'Name' (first at line 2)");
  CHECK(start_of(r.diagnostics[0].range).line == 4);
  REQUIRE(r.value.fields.size() == 2);
  CHECK(r.value.get("Name")->number == 3);
  CHECK(start_of(r.value.get("Name")->where).line == 4);

  // Large objects use an index; the detection must be the same.
  std::string big = "{";
  for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",\n";
  big += "\"k7\": true}";
  SourceFile g("big.json", big);
  auto rb = json::parse(g);
  REQUIRE(rb.diagnostics.size() == 1);
  CHECK(rb.diagnostics[0].message == "duplicate key 'k7' (first at line 8)");
  CHECK(rb.value.fields.size() == 40);
  CHECK(rb.value.get("k7")->boolean);

  // Same key in sibling objects is fine.
  SourceFile h("ok.json", R"({"a": {"x": 1}, "b": {"x": 2}})");
  CHECK(json::parse(h).ok());
}

TEST_CASE("json: depth limit gives LimitReached and an unknown, parsing goes on") {
  std::string deep = "{\"a\": " + std::string(600, '[') + std::string(600, ']') + ", \"b\": 1}";
  SourceFile f("deep.json", deep);
  auto r = json::parse(f);
  CHECK(r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].kind == Diagnostic::Kind::LimitReached);
  CHECK(r.value.get("b")->number == 1);
  CHECK(r.value.contains_unknown());

  std::string unbalanced = std::string(100000, '[');
  SourceFile g("unbalanced.json", unbalanced);
  auto rg = json::parse(g);
  CHECK(!rg.ok());
}

TEST_CASE("json: invalid UTF-8 is reported at its byte") {
  SourceFile f("u.json", "{\"a\": \"ok\xC3(\", \"b\": \"\xED\xA0\x80\"}");
  auto r = json::parse(f);
  CHECK(!r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("invalid UTF-8") != std::string::npos);
  CHECK(start_of(r.diagnostics[0].range).column == 10);
  CHECK(r.value.get("b"));  // the rest is still read
}

TEST_CASE("json: byte order mark, sub-ranges and embedded text") {
  SourceFile f("bom.json", "\xEF\xBB\xBF{\"a\": 1}");
  CHECK(json::parse(f).ok());

  SourceFile g("x.tf", "policy = {\"Effect\": \"Allow\"} # tail");
  auto r = json::parse(g, 9, 29);
  REQUIRE(r.ok());
  CHECK(r.value.get("Effect")->where.text() == "\"Allow\"");

  Range where{&g, 0, 6};
  auto e = json::parse_text("{\"Statement\": [{\"Effect\": \"Deny\"}]}", where);
  REQUIRE(e.ok());
  CHECK(e.value.at("Statement/0/Effect")->text == "Deny");
  CHECK(e.value.at("Statement/0/Effect")->where.begin == 0);
  CHECK(e.value.at("Statement/0/Effect")->where.end == 6);

  auto bad = json::parse_text("{\n\"a\" 1}", where);
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(bad.diagnostics[0].range.end == 6);
  CHECK(bad.diagnostics[0].message.find("line 2, column 5 of the embedded JSON") != std::string::npos);
}

TEST_CASE("json: numbers") {
  SourceFile f("n.json", "[0, -0, 12345678901234567890, 1E400, 2.5e-3, 7]");
  auto r = json::parse(f);
  REQUIRE(r.ok());
  CHECK(r.value.items[2].number == doctest::Approx(1.2345678901234567e19));
  CHECK(r.value.items[3].number > 1e308);
  CHECK(r.value.items[4].number == doctest::Approx(0.0025));
  CHECK(r.value.items[5].where.text() == "7");
}
