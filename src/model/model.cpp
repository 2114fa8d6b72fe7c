#include "model/model.h"

namespace eph {

Model build_model(const LoadedUnit& unit) {
  Model model;
  model.unit = &unit;
  return model;
}

}  // namespace eph
