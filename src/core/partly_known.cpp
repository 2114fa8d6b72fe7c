#include "core/partly_known.h"

namespace eph {
namespace {

constexpr std::string_view kPartlyKnown = "partly known: ";

}  // namespace

Value partly_known(Range where, std::string_view pattern) {
  std::string why(kPartlyKnown);
  why += pattern;
  return Value::unknown(where, std::move(why));
}

std::string_view known_pattern(const Value& v) {
  std::string_view why = v.text;
  if (!v.is_unknown() || why.substr(0, kPartlyKnown.size()) != kPartlyKnown) return {};
  return why.substr(kPartlyKnown.size());
}

}  // namespace eph
