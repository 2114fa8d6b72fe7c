// children() under a ChildrenMemo answers exactly what the cursor walk answers, for every node,
// asked once or many times, and only for the memo's own tree.
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>

#include "syntax/hcl/hcl_tree.h"

using namespace eph;

namespace {

const char* kModule = R"(
locals {
  a = [for x in var.list : upper(x) if x != ""]
  b = { for k, v in var.map : k => v... }
  c = "${var.x}-${join(",", [1, 2.5, -3])}"
  d = <<-EOT
    heredoc ${local.a[0]}
  EOT
  e = var.x ? a.b[*].c : null  # a comment
}
resource "aws_lambda_function" "f" {
  function_name = "f"
  dynamic "environment" {
    for_each = local.b
    content { variables = { K = environment.value } }
  }
}
broken = (
)";

// Every node of the tree, in order, with its children as the cursor lists them.
void each_node(TSNode node, const std::function<void(TSNode)>& visit) {
  visit(node);
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; ++i) each_node(ts_node_child(node, i), visit);
}

bool same(const std::vector<TSNode>& a, const std::vector<TSNode>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!ts_node_eq(a[i], b[i]) || ts_node_start_byte(a[i]) != ts_node_start_byte(b[i])) return false;
  return true;
}

}  // namespace

TEST_CASE("children under a memo are the cursor's children, asked once or twice") {
  hcl::HclTree tree(std::make_shared<SourceFile>("main.tf", kModule));
  std::vector<std::vector<TSNode>> direct;
  each_node(tree.root(), [&](TSNode n) { direct.push_back(hcl::children(n)); });
  REQUIRE(direct.size() > 100);
  hcl::ChildrenMemo memo(tree);
  for (int round = 0; round < 2; ++round) {
    size_t i = 0, differing = 0;
    each_node(tree.root(), [&](TSNode n) { differing += same(hcl::children(n), direct[i++]) ? 0 : 1; });
    CHECK(differing == 0);
  }
}

TEST_CASE("a memo answers for its own tree only, and memos nest") {
  hcl::HclTree outer_tree(std::make_shared<SourceFile>("a.tf", "a = 1\nb = [1, 2]\n"));
  hcl::HclTree inner_tree(std::make_shared<SourceFile>("b.tf", "c = { x = 1 }\n"));
  std::vector<TSNode> outer_kids = hcl::children(outer_tree.root());
  std::vector<TSNode> inner_kids = hcl::children(inner_tree.root());
  hcl::ChildrenMemo outer(outer_tree);
  {
    hcl::ChildrenMemo inner(inner_tree);
    CHECK(same(hcl::children(outer_tree.root()), outer_kids));  // not the inner memo's tree
    CHECK(same(hcl::children(inner_tree.root()), inner_kids));
  }
  CHECK(same(hcl::children(outer_tree.root()), outer_kids));
  CHECK(same(hcl::children(inner_tree.root()), inner_kids));
}

TEST_CASE("a tree of more nodes than a memo keeps is listed by the cursor, unchanged") {
  std::string text;
  for (int i = 0; i < 70000; ++i) text += "a" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  hcl::HclTree tree(std::make_shared<SourceFile>("big.tf", text));
  REQUIRE(ts_node_descendant_count(tree.root()) > hcl::ChildrenMemo::kMaxNodes);
  std::vector<TSNode> body = hcl::children(tree.root());
  hcl::ChildrenMemo memo(tree);
  CHECK(same(hcl::children(tree.root()), body));
  CHECK(hcl::children(body.front()).size() == hcl::children(body.front()).size());
}
