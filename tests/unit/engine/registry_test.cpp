// The registry, the rule folders on disk and their documentation agree; rules read
// only the semantic model.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "registry/rule_registry.h"

namespace fs = std::filesystem;
using namespace eph;

namespace {

std::vector<std::string> rule_folders() {
  std::vector<std::string> out;
  for (auto& e : fs::directory_iterator(fs::path(EPHEMERA_SOURCE_DIR) / "rules"))
    if (e.is_directory() && e.path().filename().string().rfind("EPH", 0) == 0) out.push_back(e.path().filename());
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every rule folder is registered, in sorted order, and documented") {
  std::vector<std::string> ids = registered_rule_ids();
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  std::vector<std::string> folders = rule_folders();
  REQUIRE(folders.size() == ids.size());
  for (size_t i = 0; i < folders.size(); ++i) {
    CAPTURE(folders[i]);
    CHECK(folders[i].substr(0, 6) == ids[i]);
    const RuleEntry* entry = find_rule(ids[i]);
    REQUIRE(entry != nullptr);
    CHECK(entry->info->folder == folders[i]);
    CHECK(folders[i] == entry->info->id + "-" + entry->info->slug);
    CHECK(!entry->info->summary.empty());
    CHECK(find_rule(entry->info->slug) == entry);
  }
}

TEST_CASE("every rule folder has code, documentation and fixtures") {
  for (const auto& folder : rule_folders()) {
    CAPTURE(folder);
    fs::path dir = fs::path(EPHEMERA_SOURCE_DIR) / "rules" / folder;
    CHECK(fs::exists(dir / "README.md"));
    CHECK(fs::exists(dir / "rule.cpp"));
    bool has_fixture = false;
    for (auto& e : fs::directory_iterator(dir)) {
      std::string ext = e.path().extension().string();
      has_fixture = has_fixture || e.is_directory() || ext == ".tf" || ext == ".yaml" || ext == ".json";
    }
    CHECK(has_fixture);
  }
}

TEST_CASE("rules read only the semantic model") {
  // No parser headers and no Terraform or CloudFormation type names in rule code.
  const std::regex forbidden(
      R"(#include\s*[<"](tree_sitter|yaml-cpp|nlohmann|terraform/|cloudformation/|syntax/)|"aws_[a-z0-9_]+"|AWS::[A-Za-z]+::|"google_[a-z]|"azurerm_[a-z]|"cloudflare_[a-z])");
  for (const auto& folder : rule_folders()) {
    fs::path dir = fs::path(EPHEMERA_SOURCE_DIR) / "rules" / folder;
    for (auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() != ".cpp" && e.path().extension() != ".h") continue;
      CAPTURE(e.path().string());
      CHECK_FALSE(std::regex_search(slurp(e.path()), forbidden));
    }
  }
}

TEST_CASE("front matter parsing") {
  RuleInfo info;
  std::string error;
  CHECK(parse_rule_doc("EPH999-x", "---\nid: EPH999\nslug: x\nseverity: high\ntitle: T\n---\n# T\n\nFirst para\nline two.\n\nMore.\n", info, error));
  CHECK(info.severity == Severity::High);
  CHECK(info.summary == "First para line two.");
  CHECK_FALSE(parse_rule_doc("EPH999-x", "no front matter", info, error));
  CHECK_FALSE(parse_rule_doc("EPH999-x", "---\nid: EPH999\nslug: x\nseverity: severe\ntitle: T\n---\n", info, error));
}
