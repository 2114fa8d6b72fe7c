#pragma once
// `--shard K/N`: a deterministic, size-balanced share of a scan's units, for CI matrices.
// The shards are disjoint and their union is the whole scan; `ephemera merge` joins their
// reports. Units that can report in the same files stay in one shard (a module called from
// several root modules, a plan next to its configuration), so that no finding is reported
// by two shards and each shard finds what the whole scan finds there.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/discovery.h"

namespace eph {

struct Shard {
  unsigned index = 1;  // 1-based
  unsigned count = 1;
};

// "K/N" with 1 <= K <= N; nullopt and `error` set otherwise.
std::optional<Shard> parse_shard(std::string_view text, std::string& error);

// The units of `shard`, in their original order. `bytes` weighs a unit (its files' sizes):
// groups of units are dealt, heaviest first, to the lightest shard so far.
std::vector<UnitPlan> units_of_shard(const std::vector<UnitPlan>& units, Shard shard,
                                     const std::function<uint64_t(const UnitPlan&)>& bytes);

}  // namespace eph
