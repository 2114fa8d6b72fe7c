# Allow-lists that admit every Azure tenant: SQL's "Allow Azure services" rule and the
# AzureCloud service tag; and wide ranges in a storage account's rules and in firewall rules
# written as a start and an end address (read as the block of the same size).

resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "AllowAzureServices"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/orders"
  start_ip_address = "0.0.0.0" # expect: EPH102 "every Azure tenant"
  end_ip_address   = "0.0.0.0"
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
      name        = "azure"
      priority    = 100
      action      = "Allow"
      service_tag = "AzureCloud" # expect: EPH102 "AzureCloud service tag"
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
    ip_rules       = ["20.0.0.0/8"] # expect: EPH102 "wider than /16"
  }
}

resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "AllowAll"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/orders"
  start_ip_address = "0.0.0.0" # expect: EPH102 "0.0.0.0-255.255.255.255 in the SQL firewall rule of azurerm_mssql_firewall_rule.everyone admits every address on the internet"
  end_ip_address   = "255.255.255.255"
}

# Single-server PostgreSQL (azurerm 4; removed in azurerm 5): a /12's worth of addresses.
resource "azurerm_postgresql_firewall_rule" "cloud_pool" {
  name                = "cloud-pool"
  resource_group_name = "rg"
  server_name         = "orders-pg"
  start_ip_address    = "20.32.0.0" # expect: EPH102 "20.32.0.0-20.47.255.255 in the PostgreSQL firewall rule"
  end_ip_address      = "20.47.255.255"
}
