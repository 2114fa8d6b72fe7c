// CIDR arithmetic for IPv4 and IPv6: cidrsubnet, cidrsubnets, cidrhost, cidrnetmask.
#include <cstdio>

#include "core/ip_address.h"
#include "terraform/functions/function_support.h"

namespace eph::terraform::fn {

namespace {

using u128 = Uint128;
using Prefix = IpPrefix;

u128 ones(int n) { return n >= 128 ? ~u128(0) : (u128(1) << n) - 1; }
u128 host_mask(const Prefix& p) { return p.host_mask(); }

// "address/bits" as its network (host bits cleared), as Go's net.ParseCIDR returns it.
std::optional<Prefix> parse_prefix(std::string_view s) {
  auto p = parse_ip_prefix(s);
  if (!p) return std::nullopt;
  p->address = p->network();
  return p;
}

std::string format_address(bool v6, u128 a) {
  char buf[64];
  if (!v6) {
    uint32_t v = static_cast<uint32_t>(a);
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    return buf;
  }
  uint32_t g[8];
  for (int i = 7; i >= 0; --i) {
    g[i] = static_cast<uint32_t>(a & 0xFFFF);
    a >>= 16;
  }
  // RFC 5952: the longest run of two or more zero groups becomes "::" (the first one on a tie).
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (g[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && g[j] == 0) ++j;
    if (j - i > best_len && j - i >= 2) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    std::snprintf(buf, sizeof buf, "%x", g[i]);
    out += buf;
  }
  return out;
}

std::string format_prefix(const Prefix& p) { return format_address(p.v6, p.address) + "/" + std::to_string(p.bits); }

std::optional<Prefix> subnet(const Prefix& base, long long newbits, long long netnum, std::string& error) {
  if (newbits < 0 || base.bits + newbits > base.width()) {
    error = "insufficient address space to extend prefix of " + std::to_string(base.bits) + " by " + std::to_string(newbits);
    return std::nullopt;
  }
  if (netnum < 0 || (newbits < 64 && static_cast<unsigned long long>(netnum) >= (1ULL << newbits))) {
    error = "prefix extension of " + std::to_string(newbits) + " does not accommodate a subnet numbered " +
            std::to_string(netnum);
    return std::nullopt;
  }
  Prefix out = base;
  out.bits = base.bits + static_cast<int>(newbits);
  int shift = base.width() - out.bits;
  out.address = base.address;
  if (shift < 128) out.address |= u128(static_cast<unsigned long long>(netnum)) << shift;  // netnum is 0 otherwise
  return out;
}

Value cidrsubnet(Call& c) {
  auto s = as_string(c.args[0]);
  auto newbits = as_integer(c.args[1]);
  auto netnum = as_integer(c.args[2]);
  if (!s || !newbits || !netnum) return c.fail("expects a CIDR prefix string and two whole numbers");
  auto base = parse_prefix(*s);
  if (!base) return c.fail("invalid CIDR expression \"" + *s + "\"");
  std::string error;
  auto out = subnet(*base, *newbits, *netnum, error);
  if (!out) return c.fail(error);
  return c.computed(Value::string_of(format_prefix(*out)));
}

Value cidrhost(Call& c) {
  auto s = as_string(c.args[0]);
  auto hostnum = as_integer(c.args[1]);
  if (!s || !hostnum) return c.fail("expects a CIDR prefix string and a whole number");
  auto base = parse_prefix(*s);
  if (!base) return c.fail("invalid CIDR expression \"" + *s + "\"");
  int host_bits = base->width() - base->bits;
  u128 size = host_bits >= 128 ? 0 : u128(1) << host_bits;  // 0: the whole IPv6 space
  u128 offset;
  if (*hostnum >= 0) {
    offset = u128(static_cast<unsigned long long>(*hostnum));
    if (size != 0 && offset >= size) return c.fail("prefix " + *s + " has no host numbered " + std::to_string(*hostnum));
  } else {
    u128 back = u128(0ULL - static_cast<unsigned long long>(*hostnum));
    if (size != 0 && back > size) return c.fail("prefix " + *s + " has no host numbered " + std::to_string(*hostnum));
    offset = size - back;
  }
  u128 address = (base->address + offset) & ones(base->width());
  return c.computed(Value::string_of(format_address(base->v6, address)));
}

Value cidrnetmask(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("expects a CIDR prefix string");
  auto base = parse_prefix(*s);
  if (!base) return c.fail("invalid CIDR expression \"" + *s + "\"");
  if (base->v6) return c.fail("IPv6 addresses cannot have a netmask");
  return c.computed(Value::string_of(format_address(false, ~host_mask(*base) & ones(32))));
}

Value cidrsubnets(Call& c) {
  auto s = as_string(c.args[0]);
  if (!s) return c.fail("argument 1 must be a CIDR prefix string");
  auto base = parse_prefix(*s);
  if (!base) return c.fail("invalid CIDR expression \"" + *s + "\"");
  Value out = c.computed(Value::list());
  std::optional<Prefix> current;
  for (size_t i = 1; i < c.args.size(); ++i) {
    auto newbits = as_integer(c.args[i]);
    if (!newbits) return c.fail("prefix extensions must be whole numbers");
    if (*newbits < 1 || base->bits + *newbits > base->width()) {
      return c.fail("would extend prefix to " + std::to_string(base->bits + *newbits) + " bits, which is too long");
    }
    int bits = base->bits + static_cast<int>(*newbits);
    Prefix next = *base;
    next.bits = bits;
    if (current) {
      // The next subnet of this length after the end of the previous one.
      u128 last = current->address | host_mask(*current);
      u128 start = last & ~host_mask(next) & ones(base->width());
      u128 after = (start | host_mask(next)) + 1;
      after &= ones(base->width());
      if (after == 0) return c.fail("not enough remaining address space for a subnet with a prefix of " + std::to_string(bits) + " bits");
      next.address = after & ~host_mask(next);
    }
    if ((next.address & ~host_mask(*base) & ones(base->width())) != base->address) {
      return c.fail("not enough remaining address space for a subnet with a prefix of " + std::to_string(bits) + " bits");
    }
    current = next;
    out.items.push_back(Value::string_of(format_prefix(next), c.ctx.call));
  }
  return out;
}

constexpr BuiltinSpec kFunctions[] = {
    {"cidrsubnet", cidrsubnet, 3, 3},
    {"cidrsubnets", cidrsubnets, 1, kVariadic},
    {"cidrhost", cidrhost, 2, 2},
    {"cidrnetmask", cidrnetmask, 1, 1},
};

}  // namespace

std::span<const BuiltinSpec> network_functions() { return kFunctions; }

}  // namespace eph::terraform::fn
