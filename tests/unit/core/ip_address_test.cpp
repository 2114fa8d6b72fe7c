// The one IP/CIDR parser: strict as Go's net.ParseCIDR and the AWS APIs.
#include <doctest/doctest.h>

#include "core/ip_address.h"

using namespace eph;

TEST_CASE("ip: IPv4 and IPv6 addresses") {
  CHECK(parse_ipv4("10.11.10.12") == 0x0A0B0A0Cu);
  CHECK(!parse_ipv4("10.11.10"));
  CHECK(!parse_ipv4("10.11.10.256"));
  CHECK(!parse_ipv4("010.0.0.1"));  // no leading zeros (Go, AWS)
  CHECK(!parse_ipv4("1.2.3.4 "));
  auto v6 = parse_ipv6("2001:db8::1");
  REQUIRE(v6);
  CHECK(static_cast<uint64_t>(*v6) == 1);
  CHECK(static_cast<uint32_t>(*v6 >> 112) == 0x2001);
  auto tail = parse_ipv6("::ffff:10.0.0.1");
  REQUIRE(tail);
  CHECK(static_cast<uint32_t>(*tail) == 0x0A000001u);
  CHECK(!parse_ipv6("1::2::3"));
  CHECK(!parse_ipv6("1:2:3:4:5:6:7"));
  CHECK(!parse_ipv6("1:2:3:4:5:6:7:8:"));
}

TEST_CASE("ip: prefixes") {
  auto p = parse_ip_prefix("10.11.10.12/16");
  REQUIRE(p);
  CHECK(!p->v6);
  CHECK(p->bits == 16);
  CHECK(static_cast<uint32_t>(p->address) == 0x0A0B0A0Cu);  // as written
  CHECK(static_cast<uint32_t>(p->network()) == 0x0A0B0000u);
  CHECK(!parse_ip_prefix("10.0.0.0"));
  auto host = parse_ip_prefix("10.0.0.1", /*bare_address_is_host=*/true);
  REQUIRE(host);
  CHECK(host->bits == 32);
  CHECK(!parse_ip_prefix("10.0.0.0/33"));
  CHECK(!parse_ip_prefix("10.0.0.0/08"));
  auto v6 = parse_ip_prefix("2001:db8::/32");
  REQUIRE(v6);
  CHECK(v6->v6);
  CHECK(v6->width() == 128);
  CHECK(!parse_ip_prefix("2001:db8::/129"));
}
