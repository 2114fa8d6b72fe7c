#pragma once
// Walking native values by attribute path ("vpc_config/subnet_ids", "Environment/Variables").
// Terraform blocks are lists of maps: a list met where a key is expected is entered at
// its first element by `at_path`, and at every element by `each_at_path`, where a `*`
// segment also stands for every entry of a map.
#include <functional>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace eph {

const Value* at_path(const Value& root, std::string_view path);
const Value* at_path(const Value* root, std::string_view path);
void each_at_path(const Value& root, std::string_view path, const std::function<void(const Value&)>& visit);

// A value that is a list (or a single item standing for a one-element list): its
// items, flattened one level. An Unknown value yields itself as the only item (its
// references still lead somewhere) and sets `unknown`.
std::vector<const Value*> list_items(const Value* v, bool* unknown = nullptr);

// The string a value holds, or an empty view when it is not a known string.
std::string_view string_of(const Value* v);
bool is_known_string(const Value* v);

}  // namespace eph
