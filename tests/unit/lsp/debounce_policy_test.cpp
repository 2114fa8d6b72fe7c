// The delay after an edit that follows another: the unit's analysis time, clamped.
#include <doctest/doctest.h>

#include "lsp/debounce_policy.h"

using namespace eph::lsp;
using namespace std::chrono_literals;

TEST_CASE("debounce: a unit not analysed yet waits the old fixed delay") {
  DebouncePolicy policy;
  CHECK(policy.delay("/m") == DebouncePolicy::kUnmeasured);
}

TEST_CASE("debounce: the delay follows the unit's analysis time, clamped, unit by unit") {
  DebouncePolicy policy;
  policy.record("/small", 7ms);
  CHECK(policy.delay("/small") == 7ms);
  policy.record("/tiny", 100us);
  CHECK(policy.delay("/tiny") == DebouncePolicy::kMin);
  policy.record("/huge", 3s);
  CHECK(policy.delay("/huge") == DebouncePolicy::kMax);
  CHECK(policy.delay("/other") == DebouncePolicy::kUnmeasured);
}

TEST_CASE("debounce: recent analyses weigh most; a fixed delay wins until unset") {
  DebouncePolicy policy;
  policy.record("/m", 10ms);
  for (int i = 0; i < 20; ++i) policy.record("/m", 40ms);
  CHECK(policy.delay("/m") >= 39ms);
  CHECK(policy.delay("/m") <= 40ms);
  policy.set_fixed(75ms);
  CHECK(policy.delay("/m") == 75ms);
  policy.set_fixed(std::nullopt);
  CHECK(policy.delay("/m") <= 40ms);
}

TEST_CASE("debounce: a burst on a small unit is analysed within a few milliseconds") {
  // The scheduler waits delay() after an edit that follows another: for a module whose
  // analysis takes 7 ms, diagnostics come within 20 ms of the last keystroke.
  DebouncePolicy policy;
  policy.record("/m", 7ms);
  CHECK(policy.delay("/m") + 7ms < 20ms);
}
