#pragma once
// Following a value's references (Value::refs) to the resources of the unit it designates.
// A reference to a whole counted block ("aws_subnet.private" with an unknown index) stands
// for every instance; the caller decides whether one candidate is enough.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/resource.h"

namespace eph {

struct RefTarget {
  const NativeResource* resource = nullptr;
  std::string_view attribute;  // "id", "main_route_table_id", "" for a plain Ref
};

class RefResolver {
 public:
  explicit RefResolver(const LoadedUnit& unit);

  // Every resource `v` refers to (directly, not through items), in order, without repeats.
  std::vector<RefTarget> targets(const Value* v) const;
  // The resources one reference designates (all instances for a whole counted block).
  void add_targets(const Ref& ref, std::vector<RefTarget>& out) const;

  // The one resource `v` designates among those `accept` takes: nullptr when there is none
  // or more than one. `candidates` (optional) receives every accepted one.
  template <class Accept>
  const NativeResource* one(const Value* v, Accept accept, std::vector<const NativeResource*>* candidates = nullptr,
                            std::string_view* attribute = nullptr) const {
    const NativeResource* found = nullptr;
    bool many = false;
    for (const RefTarget& t : targets(v)) {
      if (!accept(t.resource)) continue;
      if (candidates) candidates->push_back(t.resource);
      if (found && found != t.resource) many = true;
      if (!found) {
        found = t.resource;
        if (attribute) *attribute = t.attribute;
      }
    }
    return many ? nullptr : found;
  }

 private:
  std::unordered_map<std::string_view, const NativeResource*> exact_;
  std::unordered_map<std::string, std::vector<const NativeResource*>> instances_;  // by address without key
};

}  // namespace eph
