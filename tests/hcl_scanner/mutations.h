// Broken variants of an input, for the scanner identity test: the parser's error recovery must
// see the same trees from both scanners, not only the happy path.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace eph::test {

// `count` variants of `text`: truncations, deleted ranges, inserted template syntax (quotes,
// openers, heredoc markers, escapes, closers) and splices from `donor`; deterministic for a seed.
std::vector<std::string> mutations(const std::string& text, const std::string& donor, uint32_t seed, size_t count);

}  // namespace eph::test
