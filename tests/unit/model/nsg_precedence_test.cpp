// Azure NSG precedence: an allow fully covered by a deny of lower priority number in the same
// group admits nothing; a later deny, another group or a partial cover does not stop it.
#include <doctest/doctest.h>

#include "model/model.h"
#include "model/nsg_precedence.h"
#include "unit/model/hand_built.h"

using namespace eph;
using namespace eph::hand_built;

namespace {

NativeResource nsg_rule(std::string name, std::string group, double priority, std::string access, std::string port) {
  return resource("azurerm_network_security_rule", "azurerm_network_security_rule." + name,
                  map({{"network_security_group_name", str(std::move(group))},
                       {"priority", Value::number_of(priority)},
                       {"direction", str("Inbound")},
                       {"access", str(std::move(access))},
                       {"protocol", str("Tcp")},
                       {"destination_port_range", str(std::move(port))},
                       {"source_address_prefix", str("*")}}));
}

const CidrRule& rule_of(const Model& model, std::string_view address) {
  for (const CidrRule& r : model.cidr_rules)
    if (r.resource->address == address) return r;
  FAIL("no rule " << address);
  return model.cidr_rules.front();
}

}  // namespace

TEST_CASE("an NSG deny of higher precedence shadows an allow it covers") {
  LoadedUnit unit;
  unit.resources.push_back(nsg_rule("deny_all", "a", 100, "Deny", "*"));
  unit.resources.push_back(nsg_rule("ssh", "a", 200, "Allow", "22"));
  unit.resources.push_back(nsg_rule("ssh_other_group", "b", 200, "Allow", "22"));
  unit.resources.push_back(nsg_rule("deny_late", "c", 300, "Deny", "*"));
  unit.resources.push_back(nsg_rule("ssh_first", "c", 100, "Allow", "22"));
  unit.resources.push_back(nsg_rule("deny_part", "d", 100, "Deny", "8000-8050"));
  unit.resources.push_back(nsg_rule("range", "d", 200, "Allow", "8000-9000"));
  Model model = build_model(unit);
  const CidrRule* by = shadowing_deny(model, rule_of(model, "azurerm_network_security_rule.ssh"));
  REQUIRE(by != nullptr);
  CHECK(by->resource->address == "azurerm_network_security_rule.deny_all");
  CHECK(shadowing_deny(model, rule_of(model, "azurerm_network_security_rule.ssh_other_group")) == nullptr);
  CHECK(shadowing_deny(model, rule_of(model, "azurerm_network_security_rule.ssh_first")) == nullptr);
  CHECK(shadowing_deny(model, rule_of(model, "azurerm_network_security_rule.range")) == nullptr);
}

TEST_CASE("an unknown priority leaves the allow's reach unknown (treated as stopped)") {
  LoadedUnit unit;
  NativeResource deny = nsg_rule("deny_all", "a", 100, "Deny", "*");
  deny.body.set("priority", Value::unknown());
  unit.resources.push_back(std::move(deny));
  unit.resources.push_back(nsg_rule("ssh", "a", 200, "Allow", "22"));
  Model model = build_model(unit);
  CHECK(shadowing_deny(model, rule_of(model, "azurerm_network_security_rule.ssh")) != nullptr);
}
