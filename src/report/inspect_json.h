#pragma once
// `ephemera inspect`: loaded units as JSON, every value with where it was written.
#include <ostream>
#include <vector>

#include "core/resource.h"

namespace eph {

void write_inspect_json(std::ostream& out, const std::vector<LoadedUnit>& units);

}  // namespace eph
