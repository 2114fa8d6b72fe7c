#pragma once
// A tree as tree-sitter's S-expression: two trees print alike exactly when their nodes are alike.
#include <cstdlib>
#include <string>

#include "syntax/hcl/hcl_tree.h"

namespace eph::testing {

inline std::string sexp(const hcl::HclTree& tree) {
  char* s = ts_node_string(tree.root());
  std::string out(s);
  std::free(s);
  return out;
}

}  // namespace eph::testing
