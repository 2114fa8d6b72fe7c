// The loader builds from libyaml's events wherever libyaml accepts a text and nothing in it
// reads differently with yaml-cpp (yaml_loader.h); yaml-cpp reads the rest too. These tests
// hold parse() to what the loader returned when yaml-cpp read every text: the same values,
// ranges and diagnostics, on hand-written cases, on the corpus and on damaged copies of it.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "syntax/yaml/yaml_loader.h"
#include "unit/corpus_manifest.h"

using namespace eph;

namespace {

// Where two trees first differ ("" when they do not).
std::string difference(const Value& a, const Value& b, const std::string& path = "") {
  std::string at = path.empty() ? "/" : path;
  if (a.kind != b.kind) return at + ": kind";
  if (a.where.begin != b.where.begin || a.where.end != b.where.end)
    return at + ": range " + std::to_string(a.where.begin) + "-" + std::to_string(a.where.end) + " against " +
           std::to_string(b.where.begin) + "-" + std::to_string(b.where.end);
  if (a.text != b.text || a.number != b.number || a.boolean != b.boolean || a.marks != b.marks) return at + ": value";
  if (a.items.size() != b.items.size() || a.fields.size() != b.fields.size()) return at + ": size";
  for (size_t i = 0; i < a.items.size(); ++i) {
    std::string d = difference(a.items[i], b.items[i], path + "/" + std::to_string(i));
    if (!d.empty()) return d;
  }
  for (size_t i = 0; i < a.fields.size(); ++i) {
    const Field& x = a.fields[i];
    const Field& y = b.fields[i];
    if (x.key != y.key || x.key_range.begin != y.key_range.begin || x.key_range.end != y.key_range.end)
      return path + "/" + x.key + ": key";
    std::string d = difference(x.value, y.value, path + "/" + x.key);
    if (!d.empty()) return d;
  }
  return "";
}

std::string difference(const yaml::ParseResult& a, const yaml::ParseResult& b) {
  std::string d = difference(a.value, b.value);
  if (!d.empty()) return d;
  if (a.diagnostics.size() != b.diagnostics.size()) return "number of diagnostics";
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    const Diagnostic& x = a.diagnostics[i];
    const Diagnostic& y = b.diagnostics[i];
    if (x.kind != y.kind || x.range.begin != y.range.begin || x.range.end != y.range.end || x.message != y.message)
      return "diagnostic " + x.message + " against " + y.message;
  }
  return "";
}

// parse() and the loader with yaml-cpp reading too, with and without CloudFormation's tags.
std::string compare(const std::string& name, const std::string& text) {
  SourceFile f(name, text);
  for (bool tags : {true, false}) {
    yaml::Limits limits;
    limits.cloudformation_tags = tags;
    std::string d = difference(yaml::parse(f, limits), yaml::parse_with_yaml_cpp_too(f, limits));
    if (!d.empty()) return d + (tags ? "" : " (tags off)");
  }
  return "";
}

// Damaged copies of a text: cut in the middle of a line, a line written twice, a range
// deleted, indicators inserted.
std::vector<std::string> damaged(const std::string& text, unsigned seed) {
  auto next = [&seed](size_t bound) {
    seed = seed * 1103515245u + 12345u;
    return bound ? (seed >> 8) % bound : 0;
  };
  std::vector<std::string> out;
  if (text.empty()) return out;
  out.push_back(text.substr(0, next(text.size())));
  std::string twice = text;
  size_t at = next(text.size());
  size_t line = twice.rfind('\n', at);
  line = line == std::string::npos ? 0 : line + 1;
  size_t eol = twice.find('\n', at);
  if (eol == std::string::npos) eol = twice.size();
  twice.insert(line, twice.substr(line, eol - line) + "\n");
  out.push_back(twice);
  std::string cut = text;
  cut.erase(next(cut.size()), next(40));
  out.push_back(cut);
  static const char kIndicators[] = ":-[]{}&*!|>'\"#\n ,?%@";
  std::string inserted = text;
  for (int i = 0; i < 3; ++i) inserted.insert(next(inserted.size()), 1, kIndicators[next(sizeof kIndicators - 1)]);
  out.push_back(inserted);
  return out;
}

}  // namespace

TEST_CASE("yaml: libyaml's tree is the one yaml-cpp's reading gave") {
  const char* cases[] = {
      "a: 1\nb: [x, 'y', \"z\"]\nc: {d: e}\n",
      "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Name: !Sub '${A}-q'\n",
      // nodes written as nothing: yaml-cpp places them elsewhere than libyaml
      "k:\n- \n- x\n",
      "k:\n  -\n  -\n    a: b\n",
      "k:\n  - ",
      "a:\nb: ~\nc: null\n",
      "a: &x\nb: *x\n",
      // yaml-cpp misreads a quoted scalar holding an empty line; rejects a tagged continued scalar
      "A: 'x\n\n  y'\n",
      "D:\n  !Sub text ${X}\n  continued here\n",
      // invalid: yaml-cpp's message where both reject, libyaml's where yaml-cpp accepts
      "a: b\n  c: d\n",
      "foo: bar\nnot-a-key",
      "\xEF\xBB\xBF" "a: 1\nb:\n- c\n",
      "a: 1\na: 2\n",
      "x: *undefined\n",
      "<<: {a: 1}\nb: 2\n",
  };
  for (const char* text : cases) {
    CAPTURE(text);
    CHECK(compare("t.yaml", text) == "");
  }
  // Nesting: below and above the depth where yaml-cpp reads the text too.
  for (int depth : {10, 63, 64, 300}) {
    CAPTURE(depth);
    CHECK(compare("t.yaml", "a: " + std::string(depth, '[') + std::string(depth, ']') + "\n") == "");
  }
}

TEST_CASE("yaml corpus: libyaml's trees are the ones yaml-cpp's reading gave, damaged files too" *
          doctest::test_suite("corpus")) {
  if (!testing::corpus_present()) return;
  std::filesystem::path dir = testing::corpus_dir();
  size_t compared = 0;
  unsigned seed = 1;
  for (const auto& [rel, expect] : testing::read_corpus_manifest(dir)) {
    if (!rel.ends_with(".yaml") && !rel.ends_with(".yml")) continue;
    std::ifstream in(dir / rel, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    CAPTURE(rel);
    CHECK(compare(rel, text.str()) == "");
    for (const std::string& copy : damaged(text.str(), seed++)) {
      CAPTURE(copy);
      CHECK(compare(rel, copy) == "");
    }
    ++compared;
  }
  MESSAGE(compared << " corpus YAML files and 4 damaged copies of each read alike");
  CHECK(compared > 500);
}
