#include "syntax/hcl/hcl_tree.h"

#include <utility>

#include "syntax/hcl/hcl_parse.h"

namespace eph::hcl {

HclTree::HclTree(SourceFilePtr file) : file_(std::move(file)) { parse(nullptr); }

HclTree::HclTree(SourceFilePtr file, TSTree* adopted) : file_(std::move(file)), tree_(adopted) {}

HclTree HclTree::copy_for(SourceFilePtr same_text) const {
  return HclTree(std::move(same_text), tree_ ? ts_tree_copy(tree_) : nullptr);
}

HclTree::~HclTree() {
  if (tree_) ts_tree_delete(tree_);
}

HclTree::HclTree(HclTree&& other) noexcept
    : file_(std::move(other.file_)), tree_(std::exchange(other.tree_, nullptr)) {}

HclTree& HclTree::operator=(HclTree&& other) noexcept {
  if (this != &other) {
    if (tree_) ts_tree_delete(tree_);
    file_ = std::move(other.file_);
    tree_ = std::exchange(other.tree_, nullptr);
  }
  return *this;
}

void HclTree::parse(const TSTree* old_tree) {
  const std::string& text = file_->text();
  TSTree* next = parse_hcl(text, old_tree);
  if (tree_) ts_tree_delete(tree_);
  tree_ = next;
}

void HclTree::reparse(SourceFilePtr file, const TSInputEdit& edit) {
  file_ = std::move(file);
  if (tree_) ts_tree_edit(tree_, &edit);
  parse(tree_);
}

TSNode HclTree::root() const { return ts_tree_root_node(tree_); }

bool HclTree::has_errors() const { return tree_ && ts_node_has_error(root()); }

namespace {

// One cursor per thread, reset for each call: creating and deleting a cursor per node was a
// fifth of the cost of listing children while building a configuration.
class ReusableCursor {
 public:
  ~ReusableCursor() {
    if (made_) ts_tree_cursor_delete(&cursor_);
  }
  TSTreeCursor& at(TSNode node) {
    if (made_) {
      ts_tree_cursor_reset(&cursor_, node);
    } else {
      cursor_ = ts_tree_cursor_new(node);
      made_ = true;
    }
    return cursor_;
  }

 private:
  TSTreeCursor cursor_{};
  bool made_ = false;
};

}  // namespace

std::vector<TSNode> children(TSNode node) {
  std::vector<TSNode> out;
  uint32_t n = ts_node_child_count(node);
  if (n == 0) return out;
  out.reserve(n);
  thread_local ReusableCursor reusable;
  TSTreeCursor& cursor = reusable.at(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      out.push_back(ts_tree_cursor_current_node(&cursor));
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  return out;
}

}  // namespace eph::hcl
