#pragma once
// One HCL file parsed by tree-sitter. The tree is owned here and can be re-parsed
// incrementally after an edit (the LSP keeps one HclTree per open document).
#include <tree_sitter/api.h>

#include <optional>
#include <vector>

#include "core/finding.h"
#include "core/source.h"

extern "C" const TSLanguage* tree_sitter_hcl();

namespace eph::hcl {

class HclTree {
 public:
  explicit HclTree(SourceFilePtr file);
  ~HclTree();
  HclTree(const HclTree&) = delete;
  HclTree& operator=(const HclTree&) = delete;
  HclTree(HclTree&& other) noexcept;
  HclTree& operator=(HclTree&& other) noexcept;

  // Records an edit on the old tree, then parses `file` (the edited text) reusing it.
  void reparse(SourceFilePtr file, const TSInputEdit& edit);

  // An independent tree for `same_text` (a SourceFile with this tree's text) that shares the
  // parsed nodes (ts_tree_copy: cheap, and usable on another thread).
  HclTree copy_for(SourceFilePtr same_text) const;

  const SourceFilePtr& file() const { return file_; }
  TSNode root() const;
  bool has_errors() const;

 private:
  HclTree(SourceFilePtr file, TSTree* adopted);
  void parse(const TSTree* old_tree);

  SourceFilePtr file_;
  TSTree* tree_ = nullptr;
};

// Trees already parsed for the current text of some files (the LSP's open buffers, kept up
// to date incrementally). A FileProvider that also implements this lets the Terraform
// front-end skip parsing those files from scratch.
class ParsedHclTrees {
 public:
  virtual ~ParsedHclTrees() = default;
  // A tree for exactly `file`'s text, or nullopt.
  virtual std::optional<HclTree> tree_for(const SourceFilePtr& file) const = 0;
  // A tree the front-end had to parse from scratch (tree_for had none): a provider may keep
  // it for the next analysis (the LSP keeps the module files that are not open).
  virtual void remember(const HclTree& tree) const { (void)tree; }
};

// The children of `node` (all of them, anonymous tokens included), in order.
// A cursor walk: ts_node_child(i) costs O(i).
std::vector<TSNode> children(TSNode node);

// While one is alive on a thread, children() lists each node of its tree once and keeps the
// answer: the strict syntax check and the configuration builder walk the same tree, and each
// cursor step costs tree-sitter some 370 instructions (a fifth of a file's analysis went to
// listing children twice). Trees of more than kMaxNodes nodes are not kept (the memory would
// grow with the file); memos nest, the innermost one answering for its tree.
class ChildrenMemo {
 public:
  static constexpr uint32_t kMaxNodes = 1u << 18;

  explicit ChildrenMemo(const HclTree& tree);
  ~ChildrenMemo();
  ChildrenMemo(const ChildrenMemo&) = delete;
  ChildrenMemo& operator=(const ChildrenMemo&) = delete;

  // The children of `node`, listed now or earlier.
  std::vector<TSNode> children_of(TSNode node);
  const TSTree* tree() const { return tree_; }

 private:
  // An open-addressing table by node id (a node per slot, no allocation per node: a map's
  // nodes cost as much to make and free as the cursor steps saved).
  struct Slot {
    const void* id = nullptr;
    uint32_t first = 0, count = 0;  // of listed_
  };
  Slot* slot_of(const void* id);

  const TSTree* tree_ = nullptr;
  ChildrenMemo* outer_ = nullptr;
  std::vector<Slot> slots_;  // a power of two, at least twice the tree's nodes
  size_t used_ = 0;
  std::vector<TSNode> listed_;
};

// Every ERROR and MISSING node as an EPH000 diagnostic with its exact range and a reason
// ("unexpected '}'", "missing closing '\"'"). At most `max_errors` per file.
// Also reports what HashiCorp's parser rejects although the grammar accepts it.
std::vector<Diagnostic> syntax_errors(const HclTree& tree, size_t max_errors = 50);

// Only that second part: an argument set twice in a body ("Attribute redefined"), a missing
// newline after an argument or block, single-line blocks with more than one argument,
// invalid number literals (10.11.10.12, 0x10), object items without a separator, quoted
// strings over several lines; HCL's wording, exact ranges. Appends to `out` (up to `max_errors`).
void strict_syntax_errors(const HclTree& tree, std::vector<Diagnostic>& out, size_t max_errors = 50);

// HCL's lexical mistakes, read from the text as HashiCorp's scanner reads it: characters with
// no token (`@`, `$` outside a template, `\`), bitwise operators, `**`, `;`, backticks, single
// quotes, invalid escapes in quoted strings; HCL's wording, the character's range (at most
// `max_errors`). syntax_errors() asks only when the tree has errors.
struct LexicalErrors {
  std::vector<Diagnostic> diagnostics;
  // The text with every such character replaced by what HCL reads past it (a space, `"` for a
  // quote, `+` or `!` for an operator), same length; empty when there is none.
  std::string repaired_text;
};
LexicalErrors lexical_errors(const SourceFile& file, size_t max_errors = 50);

inline Range range_of(const SourceFile* file, TSNode node) {
  return Range{file, ts_node_start_byte(node), ts_node_end_byte(node)};
}

}  // namespace eph::hcl
