# The storage account's key, and a Key Vault secret's value, copied into the Function App's
# configuration: anyone who can read the app's settings reads them.

resource "azurerm_storage_account" "fn" {
  name                     = "ordersfn"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_key_vault_secret" "api" {
  name         = "partner-api-key"
  value        = "from-elsewhere"
  key_vault_id = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/orders-kv"
}

resource "azurerm_windows_function_app" "orders" {
  name                       = "orders-fa"
  resource_group_name        = "rg"
  location                   = "westeurope"
  service_plan_id            = "plan"
  storage_account_name       = azurerm_storage_account.fn.name
  storage_account_access_key = azurerm_storage_account.fn.primary_access_key # expect: EPH302 "storage_uses_managed_identity"

  site_config {
    app_scale_limit = 5
  }

  app_settings = {
    PARTNER_API_KEY = azurerm_key_vault_secret.api.value # expect: EPH302 "app setting PARTNER_API_KEY"
  }

  connection_string {
    name  = "Storage"
    type  = "Custom"
    value = azurerm_storage_account.fn.primary_connection_string # expect: EPH302 "connection string Storage"
  }
}
