#pragma once
// How long the server waits after an edit that follows another before analysing: a multiple
// of the unit's recent analysis time, clamped (clangd's DebouncePolicy). A burst on a small
// module gets its diagnostics a few milliseconds after the last keystroke; a large module is
// not re-analysed on every keystroke. A fixed delay (--debounce-ms, the debounceMs setting)
// replaces it.
#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace eph::lsp {

class DebouncePolicy {
 public:
  static constexpr std::chrono::milliseconds kMin{2};
  static constexpr std::chrono::milliseconds kMax{500};
  static constexpr std::chrono::milliseconds kUnmeasured{75};  // a unit not analysed yet
  static constexpr double kRatio = 1.0;                        // delay = kRatio x analysis time

  // The delay for edits of `unit` that follow one another.
  std::chrono::milliseconds delay(const std::string& unit) const;
  // An analysis of `unit` ran to completion in `took`.
  void record(const std::string& unit, std::chrono::steady_clock::duration took);
  // nullopt: adaptive again.
  void set_fixed(std::optional<std::chrono::milliseconds> fixed) { fixed_ = fixed; }

 private:
  std::optional<std::chrono::milliseconds> fixed_;
  std::map<std::string, double> mean_ms_;  // by unit key: a moving average of analysis times
};

}  // namespace eph::lsp
