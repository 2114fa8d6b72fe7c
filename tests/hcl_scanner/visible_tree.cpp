#include "visible_tree.h"

#include <cstring>

namespace eph::test {

bool VisibleNode::operator==(const VisibleNode& o) const {
  bool same_field = (field == nullptr) == (o.field == nullptr) && (!field || std::strcmp(field, o.field) == 0);
  return depth == o.depth && type == o.type && symbol == o.symbol && same_field && start_byte == o.start_byte &&
         end_byte == o.end_byte && named == o.named && missing == o.missing && extra == o.extra &&
         error == o.error && has_error == o.has_error && child_count == o.child_count;
}

// A tree cursor walks visible nodes only: the hidden `_template_literal_chunk` tokens, whose
// number is what the own scanner changes, never appear; everything a user of the tree sees does.
std::vector<VisibleNode> visible_nodes(TSNode root) {
  std::vector<VisibleNode> out;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  uint32_t depth = 0;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    VisibleNode v;
    v.depth = depth;
    v.type = ts_node_type(node);
    v.symbol = ts_node_symbol(node);
    v.field = ts_tree_cursor_current_field_name(&cursor);
    v.start_byte = ts_node_start_byte(node);
    v.end_byte = ts_node_end_byte(node);
    v.named = ts_node_is_named(node);
    v.missing = ts_node_is_missing(node);
    v.extra = ts_node_is_extra(node);
    v.error = ts_node_is_error(node);
    v.has_error = ts_node_has_error(node);
    v.child_count = ts_node_child_count(node);
    out.push_back(std::move(v));
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      depth++;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return out;
      }
      depth--;
    }
  }
}

std::string describe(const VisibleNode& n) {
  std::string s(n.depth * 2, ' ');
  s += n.named ? n.type : "\"" + n.type + "\"";
  if (n.field) s += std::string(" field=") + n.field;
  s += " [" + std::to_string(n.start_byte) + "," + std::to_string(n.end_byte) + ")";
  s += " children=" + std::to_string(n.child_count);
  if (n.missing) s += " MISSING";
  if (n.extra) s += " extra";
  if (n.error) s += " ERROR";
  if (n.has_error) s += " has_error";
  return s;
}

}  // namespace eph::test
