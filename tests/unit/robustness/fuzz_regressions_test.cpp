// Replays every input under tests/regressions/TARGET/ through the fuzz target of that name:
// the crashes fuzzing found (and the hostile inputs the limits were written for) stay fixed.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_entries.h"

namespace fs = std::filesystem;

TEST_CASE("fuzz regressions: every committed reproducer runs through its target without failing") {
  const std::map<std::string, void (*)(std::string_view)> targets = {
      {"terraform_module", eph::fuzz::terraform_module},
      {"cloudformation_template", eph::fuzz::cloudformation_template},
      {"terraform_plan", eph::fuzz::terraform_plan},
      {"config_and_suppressions", eph::fuzz::config_and_suppressions},
      {"lsp_messages", eph::fuzz::lsp_messages},
  };
  fs::path root = fs::path(EPHEMERA_SOURCE_DIR) / "tests" / "regressions";
  size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    auto target = targets.find(dir.path().filename().string());
    INFO("folder: " << dir.path().string());
    REQUIRE_MESSAGE(target != targets.end(), "tests/regressions/ folders are named after a fuzz target");
    std::vector<fs::path> inputs;
    for (const auto& f : fs::directory_iterator(dir.path()))
      if (f.is_regular_file()) inputs.push_back(f.path());
    std::sort(inputs.begin(), inputs.end());
    for (const auto& input : inputs) {
      INFO("input: " << input.string());
      std::ifstream in(input, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      target->second(text.str());  // a crash, a sanitizer report or a hang fails the suite
      ++replayed;
    }
  }
  CHECK(replayed >= targets.size());
}
