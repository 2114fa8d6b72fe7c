#pragma once
// IPv4 and IPv6 addresses and CIDR prefixes, read in one place for the whole engine: the
// model's allow-list rules, CloudFormation's Fn::Cidr and Terraform's cidr* functions.
// Strict, as Go's net.ParseCIDR (Terraform) and the AWS APIs read them: four decimal parts
// without leading zeros, hexadecimal IPv6 groups, one "::", an IPv4 tail, a decimal prefix
// length without leading zeros.
#include <cstdint>
#include <optional>
#include <string_view>

namespace eph {

using Uint128 = unsigned __int128;

struct IpPrefix {
  bool v6 = false;
  Uint128 address = 0;  // as written (host bits kept); IPv4 in the low 32 bits
  int bits = 0;         // prefix length
  int width() const { return v6 ? 128 : 32; }
  Uint128 host_mask() const;  // the bits after the prefix
  Uint128 network() const;    // the address with its host bits cleared
};

std::optional<uint32_t> parse_ipv4(std::string_view text);
std::optional<Uint128> parse_ipv6(std::string_view text);

// "address/bits"; with `bare_address_is_host`, an address alone is a /32 or /128.
std::optional<IpPrefix> parse_ip_prefix(std::string_view text, bool bare_address_is_host = false);

}  // namespace eph
