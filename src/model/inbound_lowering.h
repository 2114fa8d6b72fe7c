#pragma once
// Shared by the inbound lowering steps (lower_triggers.cpp, lower_inbound_api.cpp,
// lower_inbound_load_balancers.cpp).
#include "model/model.h"

namespace eph {

// The function a value designates, for lowering steps that add to it.
Function* mutable_function(Model& model, const Value* designation);
// Burst of a pushed (not polled, not public) inbound path from its kind.
void classify_pushed(Inbound& in);
// ALB target groups that forward to functions.
void lower_load_balancers(const LoadedUnit& unit, Model& model);
// Invoke permissions for callers declared nowhere else in the code (after every other step).
void lower_permission_inbound(Model& model);
// API routes (model.api_routes) as inbound paths, with their throttling.
void lower_api_inbound(Model& model);

}  // namespace eph
