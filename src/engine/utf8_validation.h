#pragma once
// Terraform, YAML and JSON sources must be UTF-8: a file that is not is reported at its first bad byte
// instead of being half-parsed into mangled strings.
#include <optional>
#include <string_view>

namespace eph {

// Offset of the first byte that does not start or continue a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF included); nullopt when all is well.
std::optional<size_t> first_invalid_utf8(std::string_view text);

}  // namespace eph
