#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>
#include <string_view>

// Test programs that know the corpus (EPHEMERA_CORPUS_DIR): `--test-suite=corpus` without the
// corpus exits 77, which ctest reports as skipped (SKIP_RETURN_CODE) instead of a pass that
// checked nothing.
#ifdef EPHEMERA_CORPUS_DIR
#include "unit/corpus_manifest.h"
#endif

int main(int argc, char** argv) {
#ifdef EPHEMERA_CORPUS_DIR
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--test-suite=corpus" && !eph::testing::corpus_present()) {
      std::cout << "corpus not found at " << eph::testing::corpus_dir() << ": skipped\n";
      return 77;
    }
  }
#endif
  doctest::Context context(argc, argv);
  return context.run();
}
