# Managed identity for the app's storage; a Key Vault reference (by id, not by value) for the secret.

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
  name                          = "orders-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = azurerm_storage_account.fn.name
  storage_uses_managed_identity = true

  identity {
    type = "SystemAssigned"
  }

  site_config {
    app_scale_limit = 5
  }

  app_settings = {
    PARTNER_API_KEY = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.api.versionless_id})"
    STORAGE_BLOB_URL = azurerm_storage_account.fn.primary_blob_endpoint
  }
}
