# Narrow entries; the Front Door tag with its header check; a Deny on the AzureCloud tag.

resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/orders"
  start_ip_address = "198.51.100.10"
  end_ip_address   = "198.51.100.20"
}

resource "azurerm_windows_function_app" "api" {
  name                          = "orders-api"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true

  site_config {
    app_scale_limit = 10

    ip_restriction {
      name        = "front-door"
      priority    = 100
      action      = "Allow"
      service_tag = "AzureFrontDoor.Backend"
      headers {
        x_azure_fdid = ["00000000-0000-0000-0000-000000000000"]
      }
    }

    ip_restriction {
      name        = "no-azure"
      priority    = 200
      action      = "Deny"
      service_tag = "AzureCloud"
    }
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
    ip_rules       = ["198.51.100.0/24"]
  }
}

# Firewall ranges no wider than the limit: one office range, a few addresses across a /24
# boundary, and a range inside private space.
resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/orders"
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "partners" {
  name             = "partners"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders"
  start_ip_address = "198.51.100.250"
  end_ip_address   = "198.51.101.5"
}

resource "azurerm_mysql_firewall_rule" "internal" {
  name                = "internal"
  resource_group_name = "rg"
  server_name         = "orders-mysql"
  start_ip_address    = "10.0.0.0"
  end_ip_address      = "10.255.255.255"
}
