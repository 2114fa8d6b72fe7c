#include "syntax/hcl/hcl_tree.h"

#include <cstdint>
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

void list_children(TSNode node, std::vector<TSNode>& out) {
  thread_local ReusableCursor reusable;
  TSTreeCursor& cursor = reusable.at(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      out.push_back(ts_tree_cursor_current_node(&cursor));
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
}

thread_local ChildrenMemo* active_memo = nullptr;

}  // namespace

std::vector<TSNode> children(TSNode node) {
  if (active_memo && node.tree == active_memo->tree()) return active_memo->children_of(node);
  std::vector<TSNode> out;
  uint32_t n = ts_node_child_count(node);
  if (n == 0) return out;
  out.reserve(n);
  list_children(node, out);
  return out;
}

ChildrenMemo::ChildrenMemo(const HclTree& tree) {
  TSNode root = tree.root();
  if (ts_node_is_null(root)) return;
  uint32_t nodes = ts_node_descendant_count(root);
  if (nodes > kMaxNodes) return;
  size_t size = 64;
  while (size < 2 * static_cast<size_t>(nodes)) size *= 2;
  slots_.resize(size);
  tree_ = root.tree;
  outer_ = std::exchange(active_memo, this);
}

ChildrenMemo::~ChildrenMemo() {
  if (tree_) active_memo = outer_;
}

ChildrenMemo::Slot* ChildrenMemo::slot_of(const void* id) {
  size_t mask = slots_.size() - 1;
  // Fibonacci hashing of the address (nodes are aligned: the low bits say nothing).
  size_t at = static_cast<size_t>((reinterpret_cast<uintptr_t>(id) >> 4) * 11400714819323198485ull) & mask;
  while (slots_[at].id && slots_[at].id != id) at = (at + 1) & mask;
  return &slots_[at];
}

std::vector<TSNode> ChildrenMemo::children_of(TSNode node) {
  Slot* slot = slot_of(node.id);
  if (!slot->id) {
    if (4 * (used_ + 1) > 3 * slots_.size()) {  // more nodes than the tree said: list, do not keep
      std::vector<TSNode> out;
      list_children(node, out);
      return out;
    }
    slot->id = node.id;
    slot->first = static_cast<uint32_t>(listed_.size());
    if (ts_node_child_count(node) > 0) list_children(node, listed_);
    slot->count = static_cast<uint32_t>(listed_.size()) - slot->first;
    ++used_;
  }
  auto begin = listed_.begin() + slot->first;
  return std::vector<TSNode>(begin, begin + slot->count);
}

}  // namespace eph::hcl
