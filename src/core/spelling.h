#pragma once
// "Did you mean ...?" for names users type: flags, commands, rule ids, configuration keys.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eph {

// Edit distance with adjacent transpositions (a typo's usual shapes), ignoring case.
size_t spelling_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when it is close enough to be what the user meant.
std::optional<std::string> closest_spelling(std::string_view word, const std::vector<std::string>& candidates);

// Whether two names are equal ignoring ASCII case (rule ids and slugs: `eph301`, `Secret-In-Env-Var`).
bool same_ignoring_case(std::string_view a, std::string_view b);

// "; did you mean X?" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace eph
