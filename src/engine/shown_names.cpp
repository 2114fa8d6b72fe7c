#include "engine/shown_names.h"

#include <cctype>
#include <string>
#include <string_view>

namespace eph {
namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

void replace_words(std::string& text, const std::vector<ShownName>& names) {
  for (const ShownName& n : names) {
    if (n.generated.empty()) continue;
    for (size_t at = text.find(n.generated); at != std::string::npos; at = text.find(n.generated, at)) {
      size_t end = at + n.generated.size();
      bool whole = (at == 0 || !word_char(text[at - 1]) || !word_char(n.generated.front())) &&
                   (end == text.size() || !word_char(text[end]) || !word_char(n.generated.back()));
      if (!whole) {
        ++at;
        continue;
      }
      text.replace(at, n.generated.size(), n.written);
      at += n.written.size();  // never rewrite what was just written
    }
  }
}

}  // namespace

void apply_shown_names(Finding& finding, const std::vector<ShownName>& names) {
  if (names.empty()) return;
  replace_words(finding.message, names);
  for (auto& r : finding.related) replace_words(r.message, names);
  if (finding.fix) replace_words(finding.fix->description, names);
}

}  // namespace eph
