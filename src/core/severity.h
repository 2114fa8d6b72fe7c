#pragma once
#include <optional>
#include <string_view>

namespace eph {

// Ordered from least to most severe, so `a >= b` means "at least as severe".
enum class Severity { Info, Low, Medium, High, Critical };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

}  // namespace eph
