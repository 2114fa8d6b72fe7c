// hcl-scanner-identity: parses every input with tree-sitter-hcl and the grammar's external
// scanner (the reference), with our scanner (src/syntax/hcl/hcl_external_scanner.c), and the way
// the engine does (syntax/hcl/hcl_parse.h), and compares the visible trees: node types, fields,
// byte ranges, missing/extra/error flags, child counts (see Comparison for what must hold).
// Inputs: the Terraform files of ../shared/corpus (skipped when absent), every .tf/.tfvars under
// rules/ and tests/, hand-written corner cases, random template-heavy documents, and mutated
// variants of all of these (truncated, cut, with template syntax inserted, spliced), each also
// reached by an edit and an incremental re-parse of the original (the editor's path), plus a check
// of the parse-table facts the scanner's runs rely on (table_assumptions.h).
//
// Usage: ephemera_hcl_scanner_identity [--mutations N] [--random N] [--seed N]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <tree_sitter/api.h>

#include "generated_inputs.h"
#include "mutations.h"
#include "syntax/hcl/hcl_parse.h"
#include "syntax/hcl/hcl_tree.h"
#include "table_assumptions.h"
#include "visible_tree.h"

extern "C" const TSLanguage* ephemera_hcl_grammar_language();
extern "C" const TSLanguage* ephemera_hcl_own_language();

namespace fs = std::filesystem;
using namespace eph::test;

namespace {

struct Parsers {
  TSParser* grammar = ts_parser_new();
  TSParser* own = ts_parser_new();
  Parsers() {
    ts_parser_set_language(grammar, ephemera_hcl_grammar_language());
    ts_parser_set_language(own, ephemera_hcl_own_language());
  }
  ~Parsers() {
    ts_parser_delete(grammar);
    ts_parser_delete(own);
  }
};

std::vector<VisibleNode> parse(TSParser* parser, const std::string& text) {
  TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  std::vector<VisibleNode> nodes = visible_nodes(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  return nodes;
}

std::string printable(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (c == '\n') out += "\\n\n";
    else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else out += static_cast<char>(c);
  }
  return out;
}

std::vector<VisibleNode> parse_like_the_engine(const std::string& text) {
  TSTree* tree = eph::hcl::parse_hcl(text, nullptr);
  std::vector<VisibleNode> nodes = visible_nodes(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  return nodes;
}

void report(const char* what, const std::string& label, const std::string& text, const std::vector<VisibleNode>& expected,
            const std::vector<VisibleNode>& actual, bool details) {
  size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) at++;
  std::printf("MISMATCH (%s) %s (%zu bytes): first difference at visible node %zu\n", what, label.c_str(), text.size(), at);
  if (!details) return;
  size_t from = at > 3 ? at - 3 : 0;
  for (size_t i = from; i < at + 3; i++) {
    std::printf("  grammar: %s\n", i < expected.size() ? describe(expected[i]).c_str() : "(end)");
    std::printf("  other:   %s\n", i < actual.size() ? describe(actual[i]).c_str() : "(end)");
  }
  if (text.size() <= 600) std::printf("  input:\n%s\n", printable(text).c_str());
}

// Per input, against the grammar scanner's tree: (1) the engine's tree must be the same;
// (2) our scanner's own tree must be the same whenever it has no syntax error, which is what
// makes the engine's fallback (re-parse with the grammar's scanner on a syntax error) exact.
// Trees of our scanner with syntax errors that differ are only counted: the engine never
// returns them.
struct Comparison {
  Parsers parsers;
  size_t inputs = 0, edits = 0, bytes = 0, nodes = 0, failures = 0, own_clean = 0, own_with_errors = 0, recovery_differs = 0;

  // Returns the grammar scanner's tree of `text`.
  std::vector<VisibleNode> check(const std::string& label, const std::string& text) {
    inputs++;
    bytes += text.size();
    std::vector<VisibleNode> expected = parse(parsers.grammar, text);
    std::vector<VisibleNode> own = parse(parsers.own, text);
    std::vector<VisibleNode> engine = parse_like_the_engine(text);
    nodes += expected.size();
    bool own_has_errors = own.empty() || own[0].has_error;
    (own_has_errors ? own_with_errors : own_clean)++;
    if (engine != expected) report("engine", label, text, expected, engine, ++failures <= 10);
    if (own != expected) {
      if (own_has_errors) recovery_differs++;
      else report("own scanner, no syntax error", label, text, expected, own, ++failures <= 10);
    }
    return expected;
  }

  // The editor's path: the engine's tree of `before`, edited into `m.text` and re-parsed
  // incrementally (HclTree::reparse), must equal the grammar scanner's tree of `m.text`.
  void check_edit(const std::string& label, const eph::hcl::HclTree& before, const Mutation& m,
                  const std::vector<VisibleNode>& expected) {
    const std::string& old_text = before.file()->text();
    eph::hcl::HclTree tree = before.copy_for(before.file());
    TSInputEdit edit{m.start, m.old_end, m.new_end, point_at(old_text, m.start), point_at(old_text, m.old_end),
                     point_at(m.text, m.new_end)};
    tree.reparse(std::make_shared<eph::SourceFile>("edited.tf", m.text), edit);
    std::vector<VisibleNode> edited = visible_nodes(tree.root());
    edits++;
    if (edited != expected) report("engine, incremental", label, m.text, expected, edited, ++failures <= 10);
  }

  static TSPoint point_at(const std::string& text, uint32_t byte) {
    TSPoint p{0, 0};
    for (uint32_t i = 0; i < byte; i++) {
      if (text[i] == '\n') {
        p.row++;
        p.column = 0;
      } else {
        p.column++;
      }
    }
    return p;
  }
};

bool is_terraform(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".tf" || ext == ".tfvars";
}

void collect(const fs::path& root, std::vector<fs::path>& out) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && is_terraform(it->path())) out.push_back(it->path());
  }
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  size_t mutations_per_input = 6, random_count = 2000;
  uint32_t seed = 20261130;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--mutations")) mutations_per_input = std::strtoul(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--random")) random_count = std::strtoul(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--seed")) seed = static_cast<uint32_t>(std::strtoul(argv[i + 1], nullptr, 10));
    else {
      std::fprintf(stderr, "usage: %s [--mutations N] [--random N] [--seed N]\n", argv[0]);
      return 2;
    }
  }

  std::vector<std::string> problems = check_table_assumptions(ephemera_hcl_own_language());
  for (const std::string& p : problems) std::printf("TABLE ASSUMPTION BROKEN: %s\n", p.c_str());

  std::vector<fs::path> files;
  if (fs::is_directory(EPHEMERA_CORPUS_DIR)) collect(EPHEMERA_CORPUS_DIR, files);
  else std::printf("corpus %s absent: skipped\n", EPHEMERA_CORPUS_DIR);
  size_t corpus_files = files.size();
  collect(fs::path(EPHEMERA_SOURCE_DIR) / "rules", files);
  collect(fs::path(EPHEMERA_SOURCE_DIR) / "tests", files);
  std::sort(files.begin() + static_cast<std::ptrdiff_t>(corpus_files), files.end());
  std::sort(files.begin(), files.begin() + static_cast<std::ptrdiff_t>(corpus_files));

  std::vector<std::pair<std::string, std::string>> inputs;  // label, text
  for (const fs::path& f : files) inputs.emplace_back(f.string(), read(f));
  std::vector<std::string> cases = handwritten_cases();
  for (size_t i = 0; i < cases.size(); i++) inputs.emplace_back("handwritten#" + std::to_string(i), cases[i]);
  std::vector<std::string> docs = random_documents(seed, random_count);
  for (size_t i = 0; i < docs.size(); i++) inputs.emplace_back("random#" + std::to_string(i), docs[i]);

  Comparison cmp;
  for (size_t i = 0; i < inputs.size(); i++) {
    const auto& [label, text] = inputs[i];
    cmp.check(label, text);
    const std::string& donor = inputs[(i + 1) % inputs.size()].second;
    std::vector<Mutation> variants = mutations(text, donor, seed + static_cast<uint32_t>(i), mutations_per_input);
    eph::hcl::HclTree original(std::make_shared<eph::SourceFile>("original.tf", text));
    for (size_t m = 0; m < variants.size(); m++) {
      std::string mutation_label = label + " mutation#" + std::to_string(m);
      std::vector<VisibleNode> expected = cmp.check(mutation_label, variants[m].text);
      cmp.check_edit(mutation_label, original, variants[m], expected);
    }
  }

  std::printf("hcl-scanner-identity: %zu files (%zu corpus), %zu hand-written, %zu random, %zu mutations each\n",
              files.size(), corpus_files, cases.size(), docs.size(), mutations_per_input);
  std::printf("%zu inputs, %zu bytes, %zu visible nodes; %zu incremental re-parses after an edit\n", cmp.inputs, cmp.bytes,
              cmp.nodes, cmp.edits);
  std::printf("our scanner: %zu trees without syntax errors; %zu with syntax errors, of which %zu recovered "
              "differently (the engine re-parses those with the grammar's scanner)\n",
              cmp.own_clean, cmp.own_with_errors, cmp.recovery_differs);
  std::printf("engine trees identical to the grammar scanner's: %s\n", cmp.failures == 0 ? "all" : "NO");
  return cmp.failures == 0 && problems.empty() ? 0 : 1;
}
