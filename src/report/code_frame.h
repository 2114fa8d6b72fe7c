#pragma once
// The code frame every human-facing report shows under a finding: the line where a range
// starts, its secrets masked, and carets under the range on that line.
#include <optional>
#include <string>

#include "core/source.h"
#include "report/secret_mask.h"

namespace eph {

struct CodeFrame {
  uint32_t line = 0;   // 1-based
  std::string text;    // the line, secrets masked
  std::string caret;   // `^~~~` under the range (one caret when it goes on); tabs kept so carets line up
};

// Nothing when the range has no file or its line is empty.
std::optional<CodeFrame> code_frame(const Range& range, const SecretMask& mask);

}  // namespace eph
