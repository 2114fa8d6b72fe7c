# Azure: VNet-integrated Function Apps that call Storage, Key Vault or SQL while their subnet
# has no service endpoint for the service and the VNet has no private endpoint for the resource.

resource "azurerm_virtual_network" "app" {
  name                = "app-vnet"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "functions" {
  name                 = "functions"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.1.0/24"]
  service_endpoints    = ["Microsoft.Web"]
}

resource "azurerm_network_watcher_flow_log" "app" {
  name                 = "app-vnet-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_virtual_network.app.id
  storage_account_id   = azurerm_storage_account.data.id
  enabled              = true

  retention_policy {
    enabled = true
    days    = 30
  }
}

resource "azurerm_storage_account" "data" {
  name                     = "orderdata"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_container" "invoices" {
  name               = "invoices"
  storage_account_id = azurerm_storage_account.data.id
}

# Route-all off: the storage calls leave through the app's shared outbound addresses.
resource "azurerm_linux_function_app" "orders" {
  name                          = "orders-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.functions.id # expect: EPH201 "storage account azurerm_storage_account.data (app setting INVOICE_CONTAINER)"

  app_settings = {
    INVOICE_CONTAINER = azurerm_storage_container.invoices.id
  }

  site_config {
    app_scale_limit = 10
  }
}

resource "azurerm_key_vault" "secrets" {
  name                = "orders-kv"
  resource_group_name = "rg"
  location            = "westeurope"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}

resource "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  value        = var.db_password
  key_vault_id = azurerm_key_vault.secrets.id
}

variable "db_password" {
  type = string
}

resource "azurerm_mssql_server" "db" {
  name                         = "orders-sql"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "orders"
  administrator_login_password = var.db_password
}

resource "azurerm_role_assignment" "jobs_sql" {
  scope                = azurerm_mssql_server.db.id
  role_definition_name = "SQL DB Contributor"
  principal_id         = azurerm_windows_function_app.jobs.identity[0].principal_id
}

# Route-all on (app setting): a Key Vault reference and a role on the SQL server.
resource "azurerm_windows_function_app" "jobs" {
  name                          = "jobs-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "jobsfn"
  storage_uses_managed_identity = true
  # expect: EPH201 "key vault azurerm_key_vault.secrets"
  virtual_network_subnet_id = azurerm_subnet.functions.id # expect: EPH201 "SQL server azurerm_mssql_server.db (role assignment"

  identity {
    type = "SystemAssigned"
  }

  app_settings = {
    WEBSITE_VNET_ROUTE_ALL = "1"
    DB_PASSWORD            = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.db.versionless_id})"
  }

  site_config {
    app_scale_limit = 10
  }
}

# azurerm 5: an inline subnet of the VNet, with a `service_endpoint` block for Storage only,
# chosen by a `for` expression; the app reads a Key Vault secret.
resource "azurerm_virtual_network" "reports" {
  name                = "reports-vnet"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.30.0.0/16"]

  subnet {
    name             = "functions"
    address_prefixes = ["10.30.1.0/24"]
    service_endpoint {
      service = "Microsoft.Storage"
    }
  }
}

resource "azurerm_network_watcher_flow_log" "reports" {
  name                 = "reports-vnet-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_virtual_network.reports.id
  storage_account_id   = azurerm_storage_account.data.id
  enabled              = true

  retention_policy {
    enabled = true
    days    = 30
  }
}

resource "azurerm_linux_function_app" "reports" {
  name                          = "reports-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "reportsfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = one([for s in azurerm_virtual_network.reports.subnet : s.id if s.name == "functions"]) # expect: EPH201 "inline subnet of azurerm_virtual_network.reports and uses key vault azurerm_key_vault.secrets"

  app_settings = {
    DB_PASSWORD = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.db.versionless_id})"
  }

  site_config {
    app_scale_limit        = 10
    vnet_route_all_enabled = true
  }
}
