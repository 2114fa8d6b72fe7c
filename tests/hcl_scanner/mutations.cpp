#include "mutations.h"

#include <algorithm>
#include <random>

namespace eph::test {

namespace {

const char* const kInsertions[] = {
    "\"",  "${",     "%{",     "}",       "\n",      "\\",      "$${",  "%%{", "<<EOT\n", "<<-EOT\n",
    "EOT\n", "\nEOT\n", "\\u12", "\\u00e9", "é",       "\"${x}\"", "%{ if x }", "%{ endif }", "%{ for a in b }",
    "%{ endfor }", "~}", "#",   "/*",      "\r\n",    "" /* a NUL byte */, "${\"", "\"}",
};

}  // namespace

std::vector<std::string> mutations(const std::string& text, const std::string& donor, uint32_t seed, size_t count) {
  std::mt19937 rng(seed);
  auto upto = [&](size_t n) { return n == 0 ? size_t{0} : std::uniform_int_distribution<size_t>(0, n)(rng); };
  // Positions near template syntax are where the scanners could disagree, so half the cuts and
  // insertions land right before or after a quote, `$`, `%`, `<`, `}`, backslash or newline.
  std::vector<size_t> hot;
  for (size_t i = 0; i < text.size(); i++) {
    char c = text[i];
    if (c == '"' || c == '$' || c == '%' || c == '<' || c == '}' || c == '\\' || c == '\n') hot.push_back(i);
  }
  auto position = [&]() -> size_t {
    if (!hot.empty() && upto(1)) return std::min(text.size(), hot[upto(hot.size() - 1)] + upto(1));
    return upto(text.size());
  };
  std::vector<std::string> out;
  for (size_t i = 0; i < count; i++) {
    std::string m = text;
    switch (i % 4) {
      case 0: m.resize(position()); break;
      case 1: {
        size_t at = position();
        m.erase(at, upto(std::min<size_t>(40, m.size() - at)));
        break;
      }
      case 2: {
        size_t n = 1 + upto(2);
        for (size_t k = 0; k < n; k++) {
          const char* ins = kInsertions[upto(sizeof kInsertions / sizeof *kInsertions - 1)];
          m.insert(std::min(m.size(), position()), ins[0] ? std::string(ins) : std::string(1, '\0'));
        }
        break;
      }
      default: {
        size_t from = upto(donor.size());
        size_t len = upto(std::min<size_t>(200, donor.size() - from));
        m.insert(std::min(m.size(), position()), donor.substr(from, len));
        break;
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace eph::test
