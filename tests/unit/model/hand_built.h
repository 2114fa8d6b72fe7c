#pragma once
// Builders for hand-made units, so model tests state resources tersely and apart from the
// front-ends.
#include <string>
#include <utility>
#include <vector>

#include "core/resource.h"

namespace eph::hand_built {

inline Value str(std::string s) { return Value::string_of(std::move(s)); }

// A value known only by what it refers to (`aws_lambda_function.f.arn`, `!GetAtt F.Arn`).
inline Value ref(std::string address, std::string attribute = "") {
  Value v = Value::unknown();
  v.refs.push_back(Ref{std::move(address), std::move(attribute), {}});
  return v;
}

inline Value list(std::vector<Value> items) {
  Value l = Value::list();
  l.items = std::move(items);
  return l;
}

inline Value map(std::vector<std::pair<std::string, Value>> fields) {
  Value m = Value::map();
  for (auto& [k, v] : fields) m.set(k, std::move(v));
  return m;
}

inline NativeResource resource(std::string type, std::string address, Value body) {
  NativeResource r;
  r.type = std::move(type);
  r.address = std::move(address);
  r.body = std::move(body);
  return r;
}

}  // namespace eph::hand_built
