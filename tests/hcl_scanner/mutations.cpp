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

std::vector<Mutation> mutations(const std::string& text, const std::string& donor, uint32_t seed, size_t count) {
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
  std::vector<Mutation> out;
  for (size_t i = 0; i < count; i++) {
    size_t at = position(), removed = 0;
    std::string inserted;
    switch (i % 4) {
      case 0: removed = text.size() - at; break;  // truncation
      case 1: removed = upto(std::min<size_t>(40, text.size() - at)); break;
      case 2:
        for (size_t k = 0, n = 1 + upto(2); k < n; k++) {
          const char* ins = kInsertions[upto(sizeof kInsertions / sizeof *kInsertions - 1)];
          inserted += ins[0] ? std::string(ins) : std::string(1, '\0');
        }
        break;
      default: {
        size_t from = upto(donor.size());
        inserted = donor.substr(from, upto(std::min<size_t>(200, donor.size() - from)));
        break;
      }
    }
    Mutation m;
    m.text = text.substr(0, at) + inserted + text.substr(at + removed);
    m.start = static_cast<uint32_t>(at);
    m.old_end = static_cast<uint32_t>(at + removed);
    m.new_end = static_cast<uint32_t>(at + inserted.size());
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace eph::test
