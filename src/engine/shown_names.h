#pragma once
// Findings speak the user's words: in units whose front-end generated resource ids (the
// Serverless Framework's HelloLambdaFunction), the generated phrases of messages are
// replaced by what the user wrote ("function hello"). The finding's `resource` keeps the id.
#include <vector>

#include "core/finding.h"
#include "core/resource.h"

namespace eph {

// Replaces each phrase (as a whole word: not inside a longer id) in the finding's message,
// its related locations' messages and its fix description. `names` are longest first.
void apply_shown_names(Finding& finding, const std::vector<ShownName>& names);

}  // namespace eph
