// HCL written for the scanner identity test: hand-picked corner cases of templates and heredocs,
// and random documents assembled from template fragments.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace eph::test {

std::vector<std::string> handwritten_cases();

// `count` documents, each a few attributes whose values nest quoted templates, heredocs,
// interpolations, directives and escapes; deterministic for a seed.
std::vector<std::string> random_documents(uint32_t seed, size_t count);

}  // namespace eph::test
