#pragma once
// Where a secret value is written, narrowed to the value itself, for the findings that
// carry it (Finding::secrets) so that reports can mask it.
#include <optional>

#include "core/finding.h"
#include "core/value.h"

namespace eph::secrets {

// The value of a known string as a SecretValue: `where` is the part of the value's range
// that spells the value (inside the quotes; from the first to the last line of a heredoc
// or block scalar), or the whole expression that computed it (a template, a jsonencode),
// invalid when the value has no position. nullopt for a value that is not a string.
std::optional<SecretValue> written_secret(const Value& value);

}  // namespace eph::secrets
