#include "model/cidr.h"

#include <array>
#include <cstdint>

namespace eph {
namespace {

std::optional<int> parse_number(std::string_view s, int base, int max) {
  if (s.empty() || s.size() > 5) return std::nullopt;
  int n = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return std::nullopt;
    n = n * base + d;
    if (n > max) return std::nullopt;
  }
  return n;
}

std::optional<uint32_t> parse_ipv4(std::string_view s) {
  uint32_t out = 0;
  for (int part = 0; part < 4; ++part) {
    size_t dot = s.find('.');
    if ((part < 3) == (dot == std::string_view::npos)) return std::nullopt;
    auto n = parse_number(s.substr(0, dot), 10, 255);
    if (!n) return std::nullopt;
    out = (out << 8) | static_cast<uint32_t>(*n);
    s = part < 3 ? s.substr(dot + 1) : std::string_view{};
  }
  return out;
}

// The 16-bit groups of an IPv6 address ("::" expanded; an embedded IPv4 tail accepted).
std::optional<std::array<uint16_t, 8>> parse_ipv6(std::string_view s) {
  std::array<uint16_t, 8> head{}, tail{};
  size_t nhead = 0, ntail = 0;
  bool compressed = false;
  size_t gap = s.find("::");
  std::string_view parts[2] = {s, {}};
  if (gap != std::string_view::npos) {
    compressed = true;
    parts[0] = s.substr(0, gap);
    parts[1] = s.substr(gap + 2);
    if (parts[1].find("::") != std::string_view::npos) return std::nullopt;
  }
  for (int which = 0; which < (compressed ? 2 : 1); ++which) {
    std::string_view rest = parts[which];
    auto& groups = which == 0 ? head : tail;
    size_t& count = which == 0 ? nhead : ntail;
    while (!rest.empty()) {
      size_t colon = rest.find(':');
      std::string_view group = rest.substr(0, colon);
      if (colon == std::string_view::npos && group.find('.') != std::string_view::npos) {
        auto v4 = parse_ipv4(group);
        if (!v4 || count + 2 > 8) return std::nullopt;
        groups[count++] = static_cast<uint16_t>(*v4 >> 16);
        groups[count++] = static_cast<uint16_t>(*v4 & 0xffff);
        break;
      }
      auto n = parse_number(group, 16, 0xffff);
      if (!n || count >= 8) return std::nullopt;
      groups[count++] = static_cast<uint16_t>(*n);
      if (colon == std::string_view::npos) break;
      rest = rest.substr(colon + 1);
      if (rest.empty()) return std::nullopt;  // trailing single colon
    }
  }
  if (compressed ? nhead + ntail > 7 : nhead != 8) return std::nullopt;
  std::array<uint16_t, 8> out{};
  for (size_t i = 0; i < nhead; ++i) out[i] = head[i];
  for (size_t i = 0; i < ntail; ++i) out[8 - ntail + i] = tail[i];
  return out;
}

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

bool private_v6(const std::array<uint16_t, 8>& g, int prefix) {
  if (prefix >= 7 && (g[0] & 0xfe00) == 0xfc00) return true;   // fc00::/7 unique local
  if (prefix >= 10 && (g[0] & 0xffc0) == 0xfe80) return true;  // fe80::/10 link-local
  return false;
}

}  // namespace

std::optional<Cidr> parse_cidr(std::string_view text) {
  size_t slash = text.find('/');
  std::string_view address = text.substr(0, slash);
  std::optional<int> prefix;
  Cidr out;
  out.ipv6 = address.find(':') != std::string_view::npos;
  int max_prefix = out.ipv6 ? 128 : 32;
  if (slash == std::string_view::npos) {
    prefix = max_prefix;
  } else {
    prefix = parse_number(text.substr(slash + 1), 10, max_prefix);
    if (!prefix) return std::nullopt;
  }
  out.prefix = *prefix;
  if (out.ipv6) {
    auto groups = parse_ipv6(address);
    if (!groups) return std::nullopt;
    out.private_range = private_v6(*groups, out.prefix);
    for (int i = 0; i < 8; ++i) {
      out.address[2 * i] = static_cast<uint8_t>((*groups)[i] >> 8);
      out.address[2 * i + 1] = static_cast<uint8_t>((*groups)[i] & 0xff);
    }
  } else {
    auto v4 = parse_ipv4(address);
    if (!v4) return std::nullopt;
    out.private_range = private_v4(*v4, out.prefix);
    for (int i = 0; i < 4; ++i) out.address[i] = static_cast<uint8_t>(*v4 >> (24 - 8 * i));
  }
  return out;
}

bool cidr_contains(const Cidr& outer, const Cidr& inner) {
  if (outer.ipv6 != inner.ipv6 || inner.prefix < outer.prefix) return false;
  for (int bit = 0; bit < outer.prefix; ++bit) {
    uint8_t mask = static_cast<uint8_t>(0x80 >> (bit % 8));
    if ((outer.address[bit / 8] & mask) != (inner.address[bit / 8] & mask)) return false;
  }
  return true;
}

}  // namespace eph
