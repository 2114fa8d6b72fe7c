#pragma once
// CIDR notation read the way AWS reads it: "203.0.113.0/24", "2001:db8::/32", or a bare
// address (a single host: /32 or /128); parsed by core/ip_address.h, judged here.
#include <optional>
#include <string_view>

namespace eph {

struct Cidr {
  bool ipv6 = false;
  int prefix = 0;               // 0..32 or 0..128
  bool private_range = false;   // wholly inside private, shared or link-local space (RFC 1918, 6598, 4193...)
  bool everyone() const { return prefix == 0; }
};

// Nullopt when `text` is not an IPv4/IPv6 address or CIDR.
std::optional<Cidr> parse_cidr(std::string_view text);

// An IPv4 address range written as its first and last address (Azure firewall rules), read as
// the block of the same size: 0.0.0.0-255.255.255.255 is a /0, 10.0.0.0-10.0.255.255 a /16. It
// is private when the smallest block holding both ends is. Nullopt when either end is not an
// IPv4 address or the range is backwards.
std::optional<Cidr> parse_ipv4_range(std::string_view first, std::string_view last);

}  // namespace eph
