# A Function App's own outbound addresses used as the allow-list of the storage account,
# the Key Vault and the SQL server it calls: those addresses are shared by every app on the
# same App Service scale unit, in any tenant, and they change.

resource "azurerm_linux_function_app" "orders" {
  name                          = "orders-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true

  site_config {
    app_scale_limit = 10
  }
}

resource "azurerm_storage_account" "data" {
  name                     = "ordersdata"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action = "Deny"
    ip_rules       = azurerm_linux_function_app.orders.possible_outbound_ip_address_list # expect: EPH101 "outbound addresses of Function App azurerm_linux_function_app.orders"
  }
}

resource "azurerm_key_vault" "secrets" {
  name                = "orders-kv"
  resource_group_name = "rg"
  location            = "westeurope"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"

  network_acls {
    default_action = "Deny"
    bypass         = "None"
    ip_rules       = azurerm_linux_function_app.orders.outbound_ip_address_list # expect: EPH101 "managed identity"
  }
}

resource "azurerm_mssql_firewall_rule" "orders" {
  name             = "orders-fa"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/orders"
  start_ip_address = azurerm_linux_function_app.orders.outbound_ip_address_list[0] # expect: EPH101 "SQL firewall rule"
  end_ip_address   = azurerm_linux_function_app.orders.outbound_ip_address_list[0]
}

# The same addresses iterated, as they usually are: a firewall rule per address (for_each) and
# a dynamic access restriction on the app the function calls. Known only at apply time, but
# what they iterate is the function's outbound addresses.
resource "azurerm_mssql_firewall_rule" "each_orders_address" {
  for_each         = toset(azurerm_linux_function_app.orders.possible_outbound_ip_address_list) # expect: EPH101 "azurerm_mssql_firewall_rule.each_orders_address admits the outbound addresses"
  name             = "orders-${each.key}"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/orders"
  start_ip_address = each.value
  end_ip_address   = each.value
}

resource "azurerm_linux_web_app" "backend" {
  name                = "orders-backend"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"

  site_config {
    dynamic "ip_restriction" { # expect: EPH101 "access restriction"
      for_each = azurerm_linux_function_app.orders.outbound_ip_address_list
      content {
        name       = "orders-${ip_restriction.key}"
        ip_address = "${ip_restriction.value}/32"
        action     = "Allow"
        priority   = 100 + ip_restriction.key
      }
    }
  }
}
