#include "core/severity.h"

namespace eph {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Low: return "low";
    case Severity::Medium: return "medium";
    case Severity::High: return "high";
    case Severity::Critical: return "critical";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "info") return Severity::Info;
  if (s == "low") return Severity::Low;
  if (s == "medium") return Severity::Medium;
  if (s == "high") return Severity::High;
  if (s == "critical") return Severity::Critical;
  return std::nullopt;
}

}  // namespace eph
