#pragma once
// `ephemera inspect`: the traffic view of each function (inbound paths with their auth,
// throttling and caps; outbound services and hosts; the egress verdict), each fact with
// the source position it was read from.
#include <nlohmann/json.hpp>

#include "model/model.h"

namespace eph {

nlohmann::ordered_json traffic_json(const Model& model);

// "file:line:col-end_line:end_col" for a range (empty when it has none): how `inspect`
// writes every position.
std::string inspect_position(const Range& r);

}  // namespace eph
