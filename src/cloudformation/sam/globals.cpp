#include "cloudformation/sam/globals.h"

namespace eph::cloudformation::sam {

Value merge_globals(const Value& global, const Value& local) {
  if (global.is_map() && local.is_map()) {
    Value merged = global;
    merged.where = local.where;
    for (const Field& f : local.fields) {
      if (Value* g = merged.get(f.key)) {
        *g = merge_globals(*g, f.value);
      } else {
        merged.fields.push_back(f);
      }
    }
    return merged;
  }
  if (global.is_list() && local.is_list()) {
    Value merged = global;
    merged.where = local.where;
    merged.items.insert(merged.items.end(), local.items.begin(), local.items.end());
    return merged;
  }
  return local;
}

std::string_view globals_section_for(std::string_view type) {
  constexpr std::string_view prefix = "AWS::Serverless::";
  if (type.substr(0, prefix.size()) != prefix) return {};
  std::string_view kind = type.substr(prefix.size());
  for (std::string_view s : {"Function", "Api", "HttpApi", "SimpleTable", "StateMachine", "LayerVersion"})
    if (kind == s) return s;
  return {};
}

}  // namespace eph::cloudformation::sam
