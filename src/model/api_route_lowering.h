#pragma once
// The parts of lower_api_routes that read beyond the route resources themselves.
#include "model/model.h"

namespace eph {

// Operations of inline OpenAPI documents (`DefinitionBody`, `Body`, `body`) whose
// `x-amazon-apigateway-integration` reaches a function, with their `security`.
void lower_openapi_operations(const LoadedUnit& unit, Model& model);

// What limits the callers of each route with a known API: a PRIVATE endpoint, a resource
// policy that admits only a VPC or VPC endpoint, custom domains that all require mutual TLS
// while the default endpoint is disabled.
void limit_api_callers(const LoadedUnit& unit, Model& model);

// Whether `v` refers to `r` (the method a REST integration names, the API a mapping names).
bool refers_to(const Value* v, const NativeResource& r);

}  // namespace eph
