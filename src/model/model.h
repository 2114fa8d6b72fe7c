#pragma once
// The semantic model: cloud concepts that rules read without knowing the source format.
// Built once per unit by lowering its native resources (see lowering.h).
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/resource.h"

namespace eph {

struct Model {
  const LoadedUnit* unit = nullptr;
  // Problems met while loading (parse errors, limits): reported by EPH000 and EPH001.
  const std::vector<Diagnostic>& diagnostics() const { return unit->diagnostics; }
};

Model build_model(const LoadedUnit& unit);

}  // namespace eph
