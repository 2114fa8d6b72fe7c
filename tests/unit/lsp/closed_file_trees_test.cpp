#include <doctest/doctest.h>

#include "lsp/buffer_file_provider.h"
#include "lsp/closed_file_trees.h"
#include "terraform/module_config.h"
#include "unit/lsp/tree_sexp.h"

using namespace eph;
using namespace eph::lsp;
using eph::testing::sexp;

namespace {

SourceFilePtr source(const std::string& path, const std::string& text) {
  return std::make_shared<const SourceFile>(path, text);
}

}  // namespace

TEST_CASE("a closed file's tree is reused only for exactly the text it was parsed from") {
  ClosedFileTrees trees;
  auto v1 = source("/m/vars.tf", "variable \"a\" {}\n");
  trees.remember(hcl::HclTree(v1));
  auto same = trees.find(source("/m/vars.tf", "variable \"a\" {}\n"));
  REQUIRE(same);
  CHECK(sexp(*same) == sexp(hcl::HclTree(v1)));
  CHECK(same->file()->text() == v1->text());
  CHECK_FALSE(trees.find(source("/m/vars.tf", "variable \"b\" {}\n")));  // changed on disk
  CHECK_FALSE(trees.find(source("/n/vars.tf", "variable \"a\" {}\n")));  // another file
}

TEST_CASE("closed file trees are bounded by the size of their texts, least recently used out") {
  ClosedFileTrees trees(100);
  std::string forty(40, '#');
  trees.remember(hcl::HclTree(source("/a.tf", forty)));
  trees.remember(hcl::HclTree(source("/b.tf", forty)));
  CHECK(trees.find(source("/a.tf", forty)));  // a used last
  trees.remember(hcl::HclTree(source("/c.tf", forty)));
  CHECK(trees.size() == 2);
  CHECK(trees.find(source("/a.tf", forty)));
  CHECK_FALSE(trees.find(source("/b.tf", forty)));
  trees.remember(hcl::HclTree(source("/huge.tf", std::string(200, '#'))));  // over the budget alone: not kept
  CHECK_FALSE(trees.find(source("/huge.tf", std::string(200, '#'))));
}

TEST_CASE("the Terraform front-end hands the trees it parses to the provider, which serves them next time") {
  auto closed = std::make_shared<ClosedFileTrees>();
  BufferFileProvider fs(FileAccess::BuffersOnly, {}, 1u << 20, nullptr, closed);
  std::vector<Diagnostic> diagnostics;
  auto file = source("/m/main.tf", "locals {\n  a = 1\n}\n");
  terraform::parse_config_file(file, diagnostics, &fs);
  CHECK(closed->size() == 1);
  auto again = fs.tree_for(source("/m/main.tf", "locals {\n  a = 1\n}\n"));
  REQUIRE(again);
  CHECK(sexp(*again) == sexp(hcl::HclTree(file)));
}
