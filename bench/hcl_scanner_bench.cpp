// Parse-only speed of tree-sitter-hcl with the grammar's external scanner, with ours, and the
// engine's parse (ours, re-parsing files with syntax errors with the grammar's), over the .tf and
// .tfvars files under the given paths. Files are read first; only parsing is timed (CPU time).
// For instruction counts run one variant under callgrind:
//   valgrind --tool=callgrind --toggle-collect='*parse_all*' ephemera_hcl_scanner_bench --only own PATH
//
// usage: ephemera_hcl_scanner_bench [--only grammar|own|engine] [--repeat N] PATH...
#include <tree_sitter/api.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/hcl/hcl_parse.h"

extern "C" const TSLanguage* ephemera_hcl_grammar_language();
extern "C" const TSLanguage* ephemera_hcl_own_language();

namespace fs = std::filesystem;

namespace {

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Parses every text once; returns how many trees have syntax errors. A null language means the
// engine's parse (eph::hcl::parse_hcl). Not inlined, so callgrind can collect just this.
__attribute__((noinline)) size_t parse_all(const TSLanguage* language, const std::vector<std::string>& texts) {
  size_t with_errors = 0;
  TSParser* parser = ts_parser_new();
  if (language) ts_parser_set_language(parser, language);
  for (const std::string& text : texts) {
    TSTree* tree = language ? ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()))
                            : eph::hcl::parse_hcl(text, nullptr);
    if (ts_node_has_error(ts_tree_root_node(tree))) with_errors++;
    ts_tree_delete(tree);
  }
  ts_parser_delete(parser);
  return with_errors;
}

}  // namespace

int main(int argc, char** argv) {
  std::string only;
  int repeat = 3;
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else {
      std::error_code ec;
      std::vector<fs::path> files;
      if (fs::is_regular_file(a, ec)) files.push_back(a);
      for (auto it = fs::recursive_directory_iterator(a, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        std::string ext = it->path().extension().string();
        if (it->is_regular_file(ec) && (ext == ".tf" || ext == ".tfvars")) files.push_back(it->path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        texts.push_back(s.str());
        bytes += texts.back().size();
      }
    }
  }
  if (texts.empty()) {
    std::fprintf(stderr, "usage: ephemera_hcl_scanner_bench [--only grammar|own|engine] [--repeat N] PATH...\n");
    return 2;
  }
  struct Variant {
    const char* name;
    const TSLanguage* language;
  } variants[] = {{"grammar", ephemera_hcl_grammar_language()}, {"own", ephemera_hcl_own_language()}, {"engine", nullptr}};
  std::printf("%zu files, %.2f MB\n", texts.size(), static_cast<double>(bytes) / 1e6);
  for (const Variant& v : variants) {
    if (!only.empty() && only != v.name) continue;
    double best = 1e30;
    size_t with_errors = 0;
    for (int r = 0; r < repeat; r++) {
      double start = cpu_seconds();
      with_errors = parse_all(v.language, texts);
      best = std::min(best, cpu_seconds() - start);
    }
    std::printf("%-8s %8.1f ms CPU (best of %d) %8.2f MB/s  %zu files with syntax errors\n", v.name, best * 1e3, repeat,
                static_cast<double>(bytes) / 1e6 / best, with_errors);
  }
  return 0;
}
