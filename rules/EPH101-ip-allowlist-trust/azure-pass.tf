# The function reaches storage through a private endpoint with its managed identity; the
# storage firewall lists only the office range.

resource "azurerm_linux_function_app" "orders" {
  name                          = "orders-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/fn"

  identity {
    type = "SystemAssigned"
  }

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
    default_action             = "Deny"
    ip_rules                   = ["198.51.100.0/24"]
    virtual_network_subnet_ids = ["/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/fn"]
  }
}

resource "azurerm_role_assignment" "orders_blob" {
  scope                = azurerm_storage_account.data.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_linux_function_app.orders.identity[0].principal_id
}

# Iterated allow-lists of addresses the code cannot know and that are not a function's own:
# office ranges from a variable, per rule and as a dynamic access restriction.
variable "office_addresses" {
  type = list(string)
}

resource "azurerm_mssql_firewall_rule" "office" {
  for_each         = toset(var.office_addresses)
  name             = "office-${each.key}"
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
    dynamic "ip_restriction" {
      for_each = var.office_addresses
      content {
        name       = "office-${ip_restriction.key}"
        ip_address = ip_restriction.value
        action     = "Allow"
        priority   = 100 + ip_restriction.key
      }
    }
  }
}
