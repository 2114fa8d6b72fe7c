# Azure: VNet-integrated Function Apps whose Storage, Key Vault and SQL calls have a private
# path: a service endpoint on the subnet (azurerm 4 `service_endpoints`, azurerm 5
# `service_endpoint` blocks) or a private endpoint for the resource in the VNet; and a subnet
# whose service endpoints are not known (silent).

resource "azurerm_virtual_network" "app" {
  name                = "app-vnet"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.20.0.0/16"]
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

# azurerm 4
resource "azurerm_subnet" "functions" {
  name                 = "functions"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.1.0/24"]
  service_endpoints    = ["Microsoft.Storage", "Microsoft.KeyVault"]
}

# azurerm 5
resource "azurerm_subnet" "jobs" {
  name                 = "jobs"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.2.0/24"]

  service_endpoint {
    service = "Microsoft.Storage"
  }
}

resource "azurerm_subnet" "endpoints" {
  name                 = "endpoints"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.9.0/24"]
}

resource "azurerm_storage_account" "data" {
  name                     = "orderdata"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
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

resource "azurerm_private_endpoint" "sql" {
  name                = "orders-sql-pe"
  resource_group_name = "rg"
  location            = "westeurope"
  subnet_id           = azurerm_subnet.endpoints.id

  private_service_connection {
    name                           = "sql"
    private_connection_resource_id = azurerm_mssql_server.db.id
    subresource_names              = ["sqlServer"]
    is_manual_connection           = false
  }
}

resource "azurerm_linux_function_app" "orders" {
  name                          = "orders-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.functions.id

  app_settings = {
    DATA_ENDPOINT = azurerm_storage_account.data.primary_blob_endpoint
    DB_PASSWORD   = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.db.versionless_id})"
  }

  connection_string {
    name  = "Orders"
    type  = "SQLAzure"
    value = "Server=tcp:${azurerm_mssql_server.db.fully_qualified_domain_name};Authentication=Active Directory Managed Identity"
  }

  site_config {
    app_scale_limit        = 10
    vnet_route_all_enabled = true
  }
}

resource "azurerm_windows_function_app" "jobs" {
  name                          = "jobs-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "jobsfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.jobs.id

  app_settings = {
    DATA_ENDPOINT = azurerm_storage_account.data.primary_queue_endpoint
  }

  site_config {
    app_scale_limit = 10
  }
}

# Service endpoints from a variable: not known, nothing to say.
variable "service_endpoints" {
  type = list(string)
}

resource "azurerm_subnet" "reports" {
  name                 = "reports"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.3.0/24"]
  service_endpoints    = var.service_endpoints
}

resource "azurerm_linux_function_app" "reports" {
  name                          = "reports-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "reportsfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.reports.id

  app_settings = {
    DATA_ENDPOINT = azurerm_storage_account.data.primary_blob_endpoint
  }

  site_config {
    app_scale_limit = 10
  }
}

# Hub and spoke: the private endpoint sits in a hub VNet peered with the function's VNet.
resource "azurerm_virtual_network" "hub" {
  name                = "hub-vnet"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "hub_endpoints" {
  name                 = "endpoints"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.0/24"]
}

resource "azurerm_private_endpoint" "data_blob" {
  name                = "orderdata-blob-pe"
  resource_group_name = "rg"
  location            = "westeurope"
  subnet_id           = azurerm_subnet.hub_endpoints.id

  private_service_connection {
    name                           = "blob"
    private_connection_resource_id = azurerm_storage_account.data.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
}

resource "azurerm_virtual_network" "spoke" {
  name                = "spoke-vnet"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.40.0.0/16"]
}

resource "azurerm_virtual_network_peering" "spoke_to_hub" {
  name                      = "spoke-to-hub"
  resource_group_name       = "rg"
  virtual_network_name      = azurerm_virtual_network.spoke.name
  remote_virtual_network_id = azurerm_virtual_network.hub.id
}

resource "azurerm_network_watcher_flow_log" "spoke" {
  name                 = "spoke-vnet-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_virtual_network.spoke.id
  storage_account_id   = azurerm_storage_account.data.id
  enabled              = true

  retention_policy {
    enabled = true
    days    = 30
  }
}

resource "azurerm_subnet" "spoke_functions" {
  name                 = "functions"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.40.1.0/24"]
}

resource "azurerm_linux_function_app" "spoke" {
  name                          = "spoke-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "spokefn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.spoke_functions.id

  app_settings = {
    DATA_ENDPOINT = azurerm_storage_account.data.primary_blob_endpoint
  }

  site_config {
    app_scale_limit = 10
  }
}

# The host's own storage account, named by storage_account_name and given a data role: the
# platform's traffic, not flagged.
resource "azurerm_storage_account" "host" {
  name                     = "hostfn"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_linux_function_app" "hosted" {
  name                          = "hosted-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = azurerm_storage_account.host.name
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.endpoints.id

  identity {
    type = "SystemAssigned"
  }

  site_config {
    app_scale_limit = 10
  }
}

resource "azurerm_role_assignment" "hosted_storage" {
  scope                = azurerm_storage_account.host.id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = azurerm_linux_function_app.hosted.identity[0].principal_id
}
