// The visible nodes of a tree in document order, with what the identity test compares.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <tree_sitter/api.h>

namespace eph::test {

struct VisibleNode {
  uint32_t depth = 0;
  std::string type;
  TSSymbol symbol = 0;
  const char* field = nullptr;  // static strings of the language
  uint32_t start_byte = 0, end_byte = 0;
  bool named = false, missing = false, extra = false, error = false, has_error = false;
  uint32_t child_count = 0;

  bool operator==(const VisibleNode& other) const;
};

std::vector<VisibleNode> visible_nodes(TSNode root);

// One line describing a node, for failure reports.
std::string describe(const VisibleNode& node);

}  // namespace eph::test
