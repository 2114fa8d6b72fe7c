#include "model/ref_resolver.h"

namespace eph {
namespace {

std::string without_instance_key(std::string_view address) {
  if (address.empty() || address.back() != ']') return std::string(address);
  size_t open = address.rfind('[');
  return std::string(open == std::string_view::npos ? address : address.substr(0, open));
}

}  // namespace

RefResolver::RefResolver(const LoadedUnit& unit) {
  exact_.reserve(unit.resources.size());
  for (const auto& r : unit.resources) {
    exact_.emplace(r.address, &r);
    if (!r.address.empty() && r.address.back() == ']') instances_[without_instance_key(r.address)].push_back(&r);
  }
}

void RefResolver::add_targets(const Ref& ref, std::vector<RefTarget>& out) const {
  auto add = [&](const NativeResource* r) {
    for (const auto& t : out)
      if (t.resource == r) return;
    out.push_back(RefTarget{r, ref.attribute});
  };
  if (auto it = exact_.find(ref.address); it != exact_.end()) {
    add(it->second);
    return;
  }
  if (auto it = instances_.find(ref.address); it != instances_.end())
    for (const NativeResource* r : it->second) add(r);
}

std::vector<RefTarget> RefResolver::targets(const Value* v) const {
  std::vector<RefTarget> out;
  if (!v) return out;
  for (const Ref& ref : v->refs) add_targets(ref, out);
  return out;
}

}  // namespace eph
