#pragma once
// `ephemera inspect`: the traffic view of each function (inbound paths with their auth,
// throttling and caps; outbound services and hosts; the egress verdict), each fact with
// the source position it was read from.
#include <nlohmann/json.hpp>

#include "model/model.h"

namespace eph {

nlohmann::ordered_json traffic_json(const Model& model);

// A fact as written, under `key`: its displayed value ("(unknown)") and where it was written.
void put_fact(nlohmann::ordered_json& j, const char* key, const Value* v);

// "aws", "gcp", "azure".
std::string_view cloud_name(Cloud c);
// Google Cloud and Azure functions: the identity they run as with its role grants, their
// invokers, the invoker check and ingress settings (inspect_identity.cpp).
void put_identity_json(nlohmann::ordered_json& j, const Model& model, const Function& fn);

// "file:line:col-end_line:end_col" for a range (empty when it has none): how `inspect`
// writes every position.
std::string inspect_position(const Range& r);

}  // namespace eph
