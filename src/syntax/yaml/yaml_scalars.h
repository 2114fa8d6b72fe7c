#pragma once
// Types of untagged plain YAML scalars (YAML 1.2 core schema, as templates use them).
#include <string>

namespace eph::yaml {

// Decimal, hexadecimal (0x) and octal (0o) integers, floats, .inf and .nan. A decimal
// integer with a leading zero is not a number: those are account ids and codes.
bool resolve_number(const std::string& text, double& out);
// true/True/TRUE and false/False/FALSE.
bool resolve_bool(const std::string& text, bool& out);

}  // namespace eph::yaml
