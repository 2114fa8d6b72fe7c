// The source-format seam: outside the registry (src/formats/) and the formats' own folders,
// nothing loads, recognises or names a source format: discovery, the analyzer, `inspect`,
// the LSP, the CLI and the rules ask the registry.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "formats/registry.h"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("formats: only the registry and the formats' folders load or recognise a format") {
  // A front-end's loader or recogniser, or a choice made on a file's suffix.
  const std::regex forbidden(
      R"re(load_module\(|load_plan\(|load_template\(|load_service\(|looks_like_template|looks_like_service|)re"
      R"re(service_file_name|"terraform-plan"|ends_with\([^)]*"\.(tf|yaml|yml|json|template)")re");
  const std::set<std::string> format_folders = {"formats", "terraform", "cloudformation", "serverless", "syntax"};
  fs::path src = fs::path(EPHEMERA_SOURCE_DIR) / "src";
  size_t checked = 0;
  for (auto& e : fs::recursive_directory_iterator(src)) {
    if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".h")) continue;
    std::string top = fs::relative(e.path(), src).begin()->string();
    if (format_folders.count(top)) continue;
    CAPTURE(e.path().string());
    CHECK_FALSE(std::regex_search(slurp(e.path()), forbidden));
    ++checked;
  }
  CHECK(checked > 50);
}

TEST_CASE("formats: the registry lists each format once, by name, in recognition order") {
  std::vector<std::string> names;
  for (const auto* f : eph::source_formats()) names.emplace_back(f->name());
  CHECK(names == std::vector<std::string>{"terraform", "terraform-plan", "serverless", "cloudformation"});
  CHECK(eph::format_named("serverless") == eph::source_formats()[2]);
  // serverless.yml is the framework's, even with CloudFormation under `resources:`.
  const std::string service =
      "service: x\nprovider:\n  name: aws\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n";
  REQUIRE(eph::format_recognising("a/serverless.yml", service));
  CHECK(eph::format_recognising("a/serverless.yml", service)->name() == "serverless");
  REQUIRE(eph::format_recognising("a/template.yml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"));
  CHECK(eph::format_recognising("a/template.yml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")->name() ==
        "cloudformation");
  CHECK(eph::format_certain_by_name("main.tf") == eph::format_named("terraform"));
  CHECK(eph::in_directory_unit("vars.tfvars"));
  CHECK_FALSE(eph::in_directory_unit("serverless.yml"));
  CHECK(eph::format_named("cloudformation")->suppression_comment("t.json", "EPH401", "r").empty());
  CHECK(eph::format_named("serverless")->suppression_comment("serverless.yml", "EPH401", "r") ==
        "# ephemera:ignore EPH401 reason=\"r\"");
}
