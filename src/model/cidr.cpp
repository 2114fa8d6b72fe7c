#include "model/cidr.h"

#include <cstdint>

#include "core/ip_address.h"

namespace eph {
namespace {

bool inside_v4(uint32_t address, int prefix, uint32_t network, int network_prefix) {
  if (prefix < network_prefix) return false;
  uint32_t mask = network_prefix == 0 ? 0 : ~uint32_t{0} << (32 - network_prefix);
  return (address & mask) == network;
}

bool private_v4(uint32_t address, int prefix) {
  struct Net { uint32_t network; int prefix; };
  static constexpr Net kPrivate[] = {
      {0x0A000000, 8},   // 10.0.0.0/8
      {0xAC100000, 12},  // 172.16.0.0/12
      {0xC0A80000, 16},  // 192.168.0.0/16
      {0x64400000, 10},  // 100.64.0.0/10 shared address space
      {0x7F000000, 8},   // loopback
      {0xA9FE0000, 16},  // link-local
  };
  for (const Net& n : kPrivate)
    if (inside_v4(address, prefix, n.network, n.prefix)) return true;
  return false;
}

bool private_v6(Uint128 address, int prefix) {
  uint32_t first = static_cast<uint32_t>(address >> 112);
  if (prefix >= 7 && (first & 0xfe00) == 0xfc00) return true;   // fc00::/7 unique local
  if (prefix >= 10 && (first & 0xffc0) == 0xfe80) return true;  // fe80::/10 link-local
  return false;
}

}  // namespace

std::optional<Cidr> parse_cidr(std::string_view text) {
  auto prefix = parse_ip_prefix(text, /*bare_address_is_host=*/true);
  if (!prefix) return std::nullopt;
  Cidr out;
  out.ipv6 = prefix->v6;
  out.prefix = prefix->bits;
  out.private_range = prefix->v6 ? private_v6(prefix->address, prefix->bits)
                                 : private_v4(static_cast<uint32_t>(prefix->address), prefix->bits);
  return out;
}

std::optional<Cidr> parse_ipv4_range(std::string_view first, std::string_view last) {
  auto a = parse_ipv4(first), b = parse_ipv4(last);
  if (!a || !b || *a > *b) return std::nullopt;
  uint64_t count = uint64_t{*b} - *a + 1;
  int host_bits = 0;
  while ((uint64_t{1} << host_bits) < count) ++host_bits;  // a range of `count` addresses spans this many
  int common = 0;
  while (common < 32 && ((*a ^ *b) >> (31 - common) & 1u) == 0) ++common;  // the block holding both ends
  Cidr out;
  out.prefix = 32 - host_bits;
  uint32_t mask = common == 0 ? 0 : ~uint32_t{0} << (32 - common);
  out.private_range = private_v4(*a & mask, common);
  return out;
}

}  // namespace eph
