#pragma once
// Glob patterns as Terraform's fileset() reads them: `*` and `?` within a path segment,
// `[...]` classes, `{a,b}` alternatives and `**` for any number of directories.
#include <string>
#include <string_view>
#include <vector>

namespace eph::terraform::fn {

class GlobPattern {
 public:
  // False when the pattern is malformed (unclosed class or brace, too many alternatives).
  bool parse(std::string_view pattern);
  // `path` is relative, '/'-separated.
  bool matches(std::string_view path) const;

 private:
  std::vector<std::vector<std::string>> alternatives_;  // each: the pattern's segments
};

}  // namespace eph::terraform::fn
