#include "core/ip_address.h"

#include <vector>

namespace eph {
namespace {

Uint128 ones(int n) { return n >= 128 ? ~Uint128(0) : (Uint128(1) << n) - 1; }

// A decimal number without leading zeros, at most `max`.
std::optional<int> decimal(std::string_view s, int max) {
  if (s.empty() || s.size() > 3 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n > max) return std::nullopt;
  return n;
}

// The 16-bit groups of one side of "::"; an IPv4 tail counts as two groups.
bool groups(std::string_view part, std::vector<uint32_t>& out, bool allow_v4) {
  if (part.empty()) return true;
  while (true) {
    size_t colon = part.find(':');
    std::string_view g = part.substr(0, colon);
    if (colon == std::string_view::npos && allow_v4 && g.find('.') != std::string_view::npos) {
      auto v4 = parse_ipv4(g);
      if (!v4) return false;
      out.push_back(*v4 >> 16);
      out.push_back(*v4 & 0xFFFF);
      return true;
    }
    if (g.empty() || g.size() > 4) return false;
    uint32_t value = 0;
    for (char ch : g) {
      int d = (ch >= '0' && ch <= '9')   ? ch - '0'
              : (ch >= 'a' && ch <= 'f') ? ch - 'a' + 10
              : (ch >= 'A' && ch <= 'F') ? ch - 'A' + 10
                                         : -1;
      if (d < 0) return false;
      value = value * 16 + static_cast<uint32_t>(d);
    }
    out.push_back(value);
    if (colon == std::string_view::npos) return true;
    part = part.substr(colon + 1);
    if (part.empty()) return false;  // a trailing single colon
  }
}

}  // namespace

Uint128 IpPrefix::host_mask() const { return ones(width() - bits); }
Uint128 IpPrefix::network() const { return address & ~host_mask() & ones(width()); }

std::optional<uint32_t> parse_ipv4(std::string_view s) {
  uint32_t out = 0;
  for (int part = 0; part < 4; ++part) {
    size_t dot = s.find('.');
    if ((part < 3) == (dot == std::string_view::npos)) return std::nullopt;
    auto n = decimal(s.substr(0, dot), 255);
    if (!n) return std::nullopt;
    out = (out << 8) | static_cast<uint32_t>(*n);
    s = part < 3 ? s.substr(dot + 1) : std::string_view{};
  }
  return out;
}

std::optional<Uint128> parse_ipv6(std::string_view s) {
  std::vector<uint32_t> head, tail;
  size_t gap = s.find("::");
  bool compressed = gap != std::string_view::npos;
  if (compressed) {
    if (s.find("::", gap + 1) != std::string_view::npos) return std::nullopt;
    if (!groups(s.substr(0, gap), head, false) || !groups(s.substr(gap + 2), tail, true)) return std::nullopt;
  } else if (!groups(s, head, true)) {
    return std::nullopt;
  }
  size_t total = head.size() + tail.size();
  if (compressed ? total > 7 : total != 8) return std::nullopt;
  head.resize(8 - tail.size(), 0);
  head.insert(head.end(), tail.begin(), tail.end());
  Uint128 out = 0;
  for (uint32_t g : head) out = (out << 16) | g;
  return out;
}

std::optional<IpPrefix> parse_ip_prefix(std::string_view text, bool bare_address_is_host) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos && !bare_address_is_host) return std::nullopt;
  std::string_view address = text.substr(0, slash);
  IpPrefix p;
  p.v6 = address.find(':') != std::string_view::npos;
  if (p.v6) {
    auto a = parse_ipv6(address);
    if (!a) return std::nullopt;
    p.address = *a;
  } else {
    auto a = parse_ipv4(address);
    if (!a) return std::nullopt;
    p.address = *a;
  }
  if (slash == std::string_view::npos) {
    p.bits = p.width();
  } else {
    auto bits = decimal(text.substr(slash + 1), p.width());
    if (!bits) return std::nullopt;
    p.bits = *bits;
  }
  return p;
}

}  // namespace eph
