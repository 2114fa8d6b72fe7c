#include "custom/pattern.h"

#include <re2/re2.h>

namespace eph::custom {

namespace {
// A pattern's compiled program is bounded too: a huge counted repetition (`a{1000}{1000}`)
// is refused at load time instead of taking memory at scan time.
constexpr int64_t kMaxProgramMemory = 8 << 20;
}  // namespace

Pattern::Pattern(std::string_view pattern, std::string& error) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kMaxProgramMemory);
  re_ = std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re_->ok()) error = re_->error();
}

Pattern::~Pattern() = default;

bool Pattern::search(std::string_view text) const {
  return re_->ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

}  // namespace eph::custom
