// Cloudflare Workers and Azure Function Apps in the model: the settings they read at run
// time, allow-list entries that stand on what they refer to, and how `inspect` prints them.
#include <doctest/doctest.h>

#include "model/model.h"
#include "model/value_paths.h"
#include "report/inspect_lowered.h"
#include "unit/model/hand_built.h"

using namespace eph;
using namespace eph::hand_built;

TEST_CASE("Workers plain_text bindings are settings; secret_text and other bindings are not") {
  LoadedUnit unit;
  unit.resources.push_back(resource(
      "cloudflare_workers_script", "cloudflare_workers_script.api",
      map({{"script_name", str("api")},
           {"bindings", list({map({{"name", str("MODE")}, {"type", str("plain_text")}, {"text", str("prod")}}),
                              map({{"name", str("TOKEN")}, {"type", str("secret_text")}, {"text", str("x")}}),
                              map({{"name", str("KV")}, {"type", str("kv_namespace")}})})}})));
  Model model = build_model(unit);
  REQUIRE(model.functions.size() == 1);
  const Function& fn = model.functions.front();
  CHECK(fn.cloud == Cloud::Cloudflare);
  CHECK(string_of(fn.name) == "api");
  REQUIRE(fn.environment.size() == 1);
  CHECK(fn.environment[0].name == "MODE");
  CHECK(fn.environment[0].holder == "plain_text binding");
  CHECK_FALSE(fn.environment[0].secret_fix.empty());
}

TEST_CASE("a Function App's outbound addresses in a storage allow-list name the function") {
  LoadedUnit unit;
  unit.resources.push_back(resource("azurerm_linux_function_app", "azurerm_linux_function_app.fa",
                                    map({{"name", str("fa")},
                                         {"storage_account_access_key", ref("azurerm_storage_account.sa", "primary_access_key")}})));
  unit.resources.push_back(resource(
      "azurerm_storage_account", "azurerm_storage_account.sa",
      map({{"network_rules",
            list({map({{"ip_rules", ref("azurerm_linux_function_app.fa", "possible_outbound_ip_address_list")}})})}})));
  unit.resources.push_back(resource("azurerm_mssql_firewall_rule", "azurerm_mssql_firewall_rule.azure",
                                    map({{"start_ip_address", str("0.0.0.0")}, {"end_ip_address", str("0.0.0.0")}})));
  Model model = build_model(unit);
  REQUIRE(model.functions.size() == 1);
  const Function& fn = model.functions.front();
  REQUIRE(fn.environment.size() == 1);
  CHECK(fn.environment[0].name == "storage_account_access_key");
  REQUIRE(model.allow_list_entries.size() == 2);
  CHECK(model.allow_list_entries[0].egress_of == &fn);
  CHECK(model.allow_list_entries[0].shared_pool.empty());
  CHECK(model.allow_list_entries[1].egress_of == nullptr);
  CHECK(model.allow_list_entries[1].shared_pool.find("every Azure tenant") == 0);

  auto json = lowered_json(model);
  CHECK(json["functions"][0]["cloud"] == "azure");
  CHECK(json["functions"][0]["settings"][0]["holder"] == "setting");
  CHECK(json["allow_list_entries"][0]["egress_of"] == "azurerm_linux_function_app.fa");
  CHECK(json["allow_list_entries"][1]["subject"] == "SQL firewall rule");
}
