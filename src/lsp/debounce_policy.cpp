#include "lsp/debounce_policy.h"

#include <algorithm>
#include <cmath>

namespace eph::lsp {

std::chrono::milliseconds DebouncePolicy::delay(const std::string& unit) const {
  if (fixed_) return *fixed_;
  auto found = mean_ms_.find(unit);
  if (found == mean_ms_.end()) return kUnmeasured;
  auto ms = std::chrono::milliseconds(static_cast<int64_t>(std::ceil(kRatio * found->second)));
  return std::clamp(ms, kMin, kMax);
}

void DebouncePolicy::record(const std::string& unit, std::chrono::steady_clock::duration took) {
  double ms = std::chrono::duration<double, std::milli>(took).count();
  auto [it, fresh] = mean_ms_.try_emplace(unit, ms);
  // Recent analyses weigh most: the module grows or shrinks as it is edited.
  if (!fresh) it->second = 0.7 * it->second + 0.3 * ms;
}

}  // namespace eph::lsp
