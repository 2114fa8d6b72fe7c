#pragma once
// `ephemera inspect`: the model concepts the rules read beyond the traffic view, for every
// platform: functions with the settings they read at run time (environment, app settings,
// connection strings, Workers text bindings), address allow-list entries and identity gates
// a default hostname bypasses. Each fact with the source position it was read from.
#include <nlohmann/json.hpp>

#include "model/model.h"

namespace eph {

nlohmann::ordered_json lowered_json(const Model& model);

}  // namespace eph
