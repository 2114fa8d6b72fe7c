#include "syntax/hcl/hcl_parse.h"

extern "C" const TSLanguage* tree_sitter_hcl();
#if EPHEMERA_HCL_GRAMMAR_FALLBACK
// The same parser.c linked with the grammar's scanner under other names (ts_hcl_variant_grammar).
extern "C" const TSLanguage* ephemera_hcl_grammar_language();
#endif

namespace eph::hcl {

namespace {

// The language whose trees are the reference: the grammar's scanner.
const TSLanguage* grammar_language() {
#if EPHEMERA_HCL_GRAMMAR_FALLBACK
  return ephemera_hcl_grammar_language();
#else
  return tree_sitter_hcl();
#endif
}

// One parser per thread and language, shared by every tree parsed on it: a parser holds no
// state between parses (no timeouts or cancellation are used), and making one per file cost
// more than lexing a small file.
TSParser* thread_parser(const TSLanguage* language) {
  struct Owner {
    TSParser* parser = nullptr;
    const TSLanguage* language = nullptr;
    ~Owner() {
      if (parser) ts_parser_delete(parser);
    }
  };
  thread_local Owner owners[2];
  for (Owner& o : owners) {
    if (o.language == language) return o.parser;
    if (!o.parser) {
      o.parser = ts_parser_new();
      o.language = language;
      ts_parser_set_language(o.parser, language);
      return o.parser;
    }
  }
  return nullptr;  // unreachable: only tree_sitter_hcl() and grammar_language() are used
}

TSTree* parse_with(const TSLanguage* language, const TSTree* old_tree, const std::string& text) {
  return ts_parser_parse_string(thread_parser(language), old_tree, text.data(), static_cast<uint32_t>(text.size()));
}

}  // namespace

TSTree* parse_hcl(const std::string& text, const TSTree* old_tree) {
  // An edited tree is re-parsed with the language that made it: its nodes carry that scanner's
  // state. A tree from the grammar's scanner is the reference whatever its content.
  const TSLanguage* language = old_tree ? ts_tree_language(old_tree) : tree_sitter_hcl();
  TSTree* tree = parse_with(language, old_tree, text);
  if (language != grammar_language() && ts_node_has_error(ts_tree_root_node(tree))) {
    ts_tree_delete(tree);
    tree = parse_with(grammar_language(), nullptr, text);
  }
  return tree;
}

}  // namespace eph::hcl
