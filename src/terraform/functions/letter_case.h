#pragma once
// Upper/lower case for lower(), upper() and title() without a locale. Latin-1, Greek and
// Cyrillic letters are mapped; a letter from a script not covered makes the result unknown
// (nullopt) rather than a guess.
#include <optional>
#include <string>
#include <string_view>

namespace eph::terraform::fn {

std::optional<std::string> to_upper(std::string_view s);
std::optional<std::string> to_lower(std::string_view s);
// Go's strings.Title: the first letter of each word upper-cased.
std::optional<std::string> to_title(std::string_view s);

}  // namespace eph::terraform::fn
