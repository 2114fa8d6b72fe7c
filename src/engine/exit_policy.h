#pragma once
// The CI gate: what a scan's result means as a process exit code.
#include "engine/analyzer.h"

namespace eph {

enum class ScanVerdict {
  Clean = 0,     // nothing unsuppressed at or above fail-on
  Findings = 1,  // unsuppressed findings at or above fail-on, or a parse error (EPH000)
  Error = 2,     // unreadable input or a rule that failed: the result is incomplete
};

// EPH000 fails the scan whatever fail-on says, unless fail_on_parse_errors is off: a file
// nobody could read is a file nobody checked. fail-on none (--soft-fail) fails on no finding,
// parse errors included; an incomplete scan (unreadable input, a failed rule) is still an error.
ScanVerdict scan_verdict(const AnalysisResult& result, const Config& config);

}  // namespace eph
