// Broken variants of an input, for the scanner identity test: the parser's error recovery must
// see the same trees from both scanners, not only the happy path.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace eph::test {

// A variant and the one edit that makes it from the original: bytes [start, old_end) of the
// original became bytes [start, new_end) of the variant.
struct Mutation {
  std::string text;
  uint32_t start = 0, old_end = 0, new_end = 0;
};

// `count` variants of `text`: truncations, deleted ranges, inserted template syntax (quotes,
// openers, heredoc markers, escapes, closers) and splices from `donor`; deterministic for a seed.
std::vector<Mutation> mutations(const std::string& text, const std::string& donor, uint32_t seed, size_t count);

}  // namespace eph::test
