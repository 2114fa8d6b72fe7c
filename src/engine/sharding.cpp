#include "engine/sharding.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <numeric>

#include "core/path_confinement.h"
#include "formats/source_format.h"

namespace eph {
namespace {

// Union-find over unit indices.
struct Groups {
  std::vector<size_t> parent;
  explicit Groups(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t find(size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// The places a unit can report in that another unit can report in too.
std::vector<std::string> shared_places(const UnitPlan& unit) {
  std::vector<std::string> places;
  if (!unit.rejected() && unit.format->directory_units()) {
    places = unit.module_dirs.empty() ? std::vector<std::string>{normalize_path(unit.root)} : unit.module_dirs;
  } else if (unit.companion_of_directory) {
    // A plan's findings that the configuration beside it reports are reported there only.
    std::string dir = std::filesystem::path(normalize_path(unit.root)).parent_path().string();
    places.push_back(dir.empty() ? "/" : dir);
  } else {
    places.push_back("file:" + normalize_path(unit.root));
  }
  for (const auto& included : unit.included_files) places.push_back("file:" + included);
  return places;
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text, std::string& error) {
  size_t slash = text.find('/');
  unsigned k = 0, n = 0;
  auto number = [](std::string_view s, unsigned& out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
  };
  if (slash == std::string_view::npos || !number(text.substr(0, slash), k) || !number(text.substr(slash + 1), n) ||
      n == 0 || k == 0 || k > n) {
    error = "--shard expects K/N with 1 <= K <= N (e.g. 2/4), got '" + std::string(text) + "'";
    return std::nullopt;
  }
  return Shard{k, n};
}

std::vector<UnitPlan> units_of_shard(const std::vector<UnitPlan>& units, Shard shard,
                                     const std::function<uint64_t(const UnitPlan&)>& bytes) {
  Groups groups(units.size());
  std::map<std::string, size_t> first_at;  // place -> first unit reporting there
  for (size_t i = 0; i < units.size(); ++i) {
    for (const auto& place : shared_places(units[i])) {
      auto [it, fresh] = first_at.try_emplace(place, i);
      if (!fresh) groups.join(i, it->second);
    }
  }
  // Each group's weight (a group is named by its first unit, so the order is the plan's).
  std::map<size_t, uint64_t> weight;
  for (size_t i = 0; i < units.size(); ++i) weight[groups.find(i)] += std::max<uint64_t>(bytes(units[i]), 1);
  std::vector<std::pair<size_t, uint64_t>> order(weight.begin(), weight.end());
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  // Longest processing time first: each group to the lightest shard (the lowest on ties).
  std::vector<uint64_t> load(shard.count, 0);
  std::map<size_t, unsigned> shard_of_group;
  for (const auto& [group, w] : order) {
    unsigned lightest = static_cast<unsigned>(std::min_element(load.begin(), load.end()) - load.begin());
    load[lightest] += w;
    shard_of_group[group] = lightest + 1;
  }
  std::vector<UnitPlan> out;
  for (size_t i = 0; i < units.size(); ++i)
    if (shard_of_group[groups.find(i)] == shard.index) out.push_back(units[i]);
  return out;
}

}  // namespace eph
