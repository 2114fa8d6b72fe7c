// Every CloudFormation and SAM template of the real-world corpus loads without a crash;
// only the files the corpus marks as broken (and cfn-lint's bad/ fixtures) may report
// parse errors, and the broken ones must report one with a line.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include "unit/corpus_manifest.h"
#include "test_support.h"

using namespace eph;


TEST_CASE("cloudformation corpus: every template loads, parse errors only where expected" * doctest::test_suite("corpus")) {
  std::filesystem::path dir = testing::corpus_dir();
  if (!std::filesystem::exists(dir / "MANIFEST.tsv")) {
    MESSAGE("corpus not present: skipped");
    return;
  }
  auto manifest = testing::read_corpus_manifest(dir);
  testing::DiskFiles fs;
  size_t templates = 0, resources = 0;
  auto started = std::chrono::steady_clock::now();
  for (const auto& [rel, expect] : manifest) {
    if (rel.rfind("cloudformation/", 0) != 0 && rel.rfind("sam/", 0) != 0) continue;
    std::string path = (dir / rel).string();
    CAPTURE(rel);
    LoadedUnit unit = cloudformation::load_template(path, fs);
    ++templates;
    resources += unit.resources.size();
    const Diagnostic* parse_error = nullptr;
    for (const auto& d : unit.diagnostics) {
      if (d.kind == Diagnostic::Kind::ParseError && !parse_error) parse_error = &d;
    }
    bool may_fail = rel.find("cfn-lint/test/fixtures/templates/bad/") != std::string::npos;
    if (expect == "yaml-error" || expect == "json-error" || expect == "duplicate-keys") {
      REQUIRE(parse_error);
      CHECK(parse_error->range.file);
      CHECK(to_location(parse_error->range).line >= 1);
    } else if (expect == "ok" && !may_fail) {
      CHECK_MESSAGE(!parse_error, (parse_error ? parse_error->message : std::string()));
    }
  }
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  MESSAGE(templates << " templates, " << resources << " resources in " << ms << " ms");
  CHECK(templates > 600);
  CHECK(resources > 2000);
}

TEST_CASE("cloudformation corpus: templates are recognised by content" * doctest::test_suite("corpus")) {
  std::filesystem::path dir = testing::corpus_dir();
  if (!std::filesystem::exists(dir / "MANIFEST.tsv")) return;
  auto manifest = testing::read_corpus_manifest(dir);
  testing::DiskFiles fs;
  std::ifstream in(dir / "MANIFEST.tsv");
  std::string line;
  size_t missed = 0;
  while (std::getline(in, line)) {
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    std::string rel = line.substr(0, t1), format = line.substr(t1 + 1, t2 - t1 - 1);
    auto text = fs.read((dir / rel).string());
    if (!text) continue;
    CAPTURE(rel);
    bool is_template = format == "cfn-yaml" || format == "cfn-json" || format == "sam-yaml" || format == "sam-json";
    if (format == "json-other" || format == "terraform-hcl") {
      CHECK(!cloudformation::looks_like_template(*text));
    } else if (is_template && !text->empty() && rel.find("/bad/") == std::string::npos) {
      if (!cloudformation::looks_like_template(*text)) ++missed;
    }
  }
  CHECK(missed == 0);
}
