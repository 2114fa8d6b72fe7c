# Narrow data roles on the resources the function uses; Contributor on one storage account
# is that account's business, not the subscription's.

resource "azurerm_storage_account" "data" {
  name                     = "ordersdata"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_linux_function_app" "orders" {
  name                          = "orders-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true

  identity {
    type = "SystemAssigned"
  }

  site_config {
    app_scale_limit = 10
  }
}

resource "azurerm_role_assignment" "orders_blob" {
  scope                = azurerm_storage_account.data.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_linux_function_app.orders.identity[0].principal_id
}

resource "azurerm_role_assignment" "orders_account" {
  scope                = azurerm_storage_account.data.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_linux_function_app.orders.identity[0].principal_id
}

resource "azurerm_role_assignment" "ops_owner" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_name = "Owner"
  principal_id         = "11111111-1111-1111-1111-111111111111"
}

# A data role by its built-in id (Storage Blob Data Reader), not flagged.
resource "azurerm_role_assignment" "orders_blob_reader_by_id" {
  scope              = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"
  principal_id       = azurerm_linux_function_app.orders.identity[0].principal_id
}
