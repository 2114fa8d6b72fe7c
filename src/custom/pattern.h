#pragma once
// Regular expressions written by users in custom rules, through RE2: matching takes time
// linear in the input whatever the pattern, so a rule cannot hang a scan (std::regex
// backtracks, exponentially on patterns such as `(a+)+$`).
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace eph::custom {

class Pattern {
 public:
  // Compiles `pattern` (RE2 syntax); on failure `error` says why and the pattern matches nothing.
  Pattern(std::string_view pattern, std::string& error);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  // Whether the pattern matches somewhere in `text` (anchor with ^ and $ for a whole match).
  bool search(std::string_view text) const;

 private:
  std::unique_ptr<re2::RE2> re_;
};

}  // namespace eph::custom
