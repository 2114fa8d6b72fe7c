#pragma once
// Secret values never reach a report unless the user asks for them (--show-secrets): every
// reporter renders source text and free text (messages, fix text) through one SecretMask.
// A masked value keeps enough to recognise it and never the value: its first 4 characters
// when it has at least 16 (a quarter at most), and its length: `sk_l…(32 chars)`,
// `…(9 chars)`. The LSP does not mask: the file is open in the user's own editor.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace eph {

struct AnalysisResult;

class SecretMask {
 public:
  // Masks the secrets the analysis found (AnalysisResult::secrets); masks nothing when `reveal`.
  SecretMask(const AnalysisResult& result, bool reveal);
  SecretMask(const std::vector<SecretValue>& secrets, bool reveal);

  // One piece of source text replaced: bytes [begin, end) of a file are shown as `text`.
  struct Cut {
    uint32_t begin = 0, end = 0;
    std::string text;
  };
  // The cuts that mask bytes [begin, end) of `file`: sorted and disjoint. A secret that
  // starts before `begin` (a later line of a private key) is shown as `…`.
  std::vector<Cut> cuts(const SourceFile& file, uint32_t begin, uint32_t end) const;
  // The text of `range` with its secrets masked (a SARIF snippet, a code frame line).
  std::string source(const Range& range) const;
  // Free text with every secret value found in it masked (messages, fix text, reasons).
  std::string text(std::string_view s) const;

  // How a secret value is shown: `sk_l…(32 chars)`.
  static std::string label(std::string_view secret);

 private:
  struct Span {
    uint32_t begin, end;
    std::string label;
  };
  void add(const SecretValue& secret);

  bool reveal_;
  std::map<std::string, std::vector<Span>, std::less<>> spans_;  // by file path: a module read from two callers is two SourceFiles
  std::vector<std::pair<std::string, std::string>> values_;     // value, label; longest first
};

}  // namespace eph
