#pragma once
// `ephemera inspect`: the traffic view of each function (inbound paths with their auth,
// throttling and caps; outbound services and hosts; the egress verdict), each fact with
// the source position it was read from.
#include <nlohmann/json.hpp>

#include "model/model.h"

namespace eph {

nlohmann::ordered_json traffic_json(const Model& model);

}  // namespace eph
