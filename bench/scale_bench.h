#pragma once
// `make bench SCALE=N`: the corpus copied N times into a temporary directory (about 1,000
// files a copy), scanned by `ephemera scan` as a CI job would; reports wall time and peak
// memory, and the same for a second binary (the previous build) in the same run.
#include <string>
#include <vector>

namespace eph::bench {

struct ScaleOptions {
  int copies = 94;
  std::string corpus;                     // copied `copies` times
  std::vector<std::string> binaries;      // each scans the tree; the first is this build
  int threads = 2;
  int repeat = 1;
};

int run_scale_bench(const ScaleOptions& options);

}  // namespace eph::bench
