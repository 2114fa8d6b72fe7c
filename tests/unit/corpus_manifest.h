#pragma once
// The corpus's MANIFEST.tsv: each file's path (relative to the corpus) and its expected parse
// status ("ok", "hcl-error", "yaml-error", "json-error", "duplicate-keys", "empty").
// Tests that read the corpus belong to the doctest suite "corpus": the ctest test unit-corpus
// runs them and reports them skipped (exit 77) when the corpus is absent (doctest_main.cpp).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace eph::testing {

// ../shared/corpus, or $EPHEMERA_CORPUS_DIR (to check that the corpus tests skip when absent).
inline std::filesystem::path corpus_dir() {
  const char* over = std::getenv("EPHEMERA_CORPUS_DIR");
  return over && *over ? std::filesystem::path(over) : std::filesystem::path(EPHEMERA_CORPUS_DIR);
}

inline bool corpus_present() { return std::filesystem::exists(corpus_dir() / "MANIFEST.tsv"); }

inline std::map<std::string, std::string> read_corpus_manifest(const std::filesystem::path& corpus) {
  std::map<std::string, std::string> expect;
  std::ifstream in(corpus / "MANIFEST.tsv");
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cols.size() >= 4) expect[cols[0]] = cols[3];
  }
  return expect;
}

}  // namespace eph::testing
