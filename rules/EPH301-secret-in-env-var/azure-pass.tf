# The app reaches its storage with its managed identity; connection strings come from Key Vault.

resource "azurerm_linux_function_app" "orders" {
  name                          = "orders-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true

  identity {
    type = "SystemAssigned"
  }

  site_config {
    app_scale_limit = 5
  }

  connection_string {
    name  = "Orders"
    type  = "SQLAzure"
    value = "@Microsoft.KeyVault(VaultName=orders-kv;SecretName=orders-sql)"
  }

  connection_string {
    name  = "Reporting"
    type  = "SQLAzure"
    value = "Server=tcp:reporting.database.windows.net,1433;Database=reports;Authentication=Active Directory Managed Identity"
  }
}

resource "azurerm_function_app_flex_consumption" "jobs" {
  name                        = "jobs-fa"
  resource_group_name         = "rg"
  location                    = "westeurope"
  service_plan_id             = "plan"
  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "https://jobsfn.blob.core.windows.net/deploy"
  storage_authentication_type = "SystemAssignedIdentity"
  runtime_name                = "python"
  runtime_version             = "3.11"
  maximum_instance_count      = 50

  site_config {}
}
