# Azure: subnets that carry a Function App's VNet-integration traffic while neither their
# network security group nor their virtual network has a Network Watcher flow log.

resource "azurerm_virtual_network" "app" {
  name                = "app-vnet"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "functions" { # expect: EPH701 "azurerm_linux_function_app.orders"
  name                 = "functions"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.1.0/24"]
}

resource "azurerm_network_security_group" "functions" {
  name                = "functions-nsg"
  resource_group_name = "rg"
  location            = "westeurope"
}

resource "azurerm_subnet_network_security_group_association" "functions" {
  subnet_id                 = azurerm_subnet.functions.id
  network_security_group_id = azurerm_network_security_group.functions.id
}

resource "azurerm_linux_function_app" "orders" {
  name                          = "orders-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.functions.id

  site_config {
    app_scale_limit = 10
  }
}

# Legacy resource type (removed in azurerm 5), integrated through a swift connection with a
# subnet written inline in its virtual network.
resource "azurerm_virtual_network" "legacy" {
  name                = "legacy-vnet"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.30.0.0/16"]

  subnet { # expect: EPH701 "azurerm_function_app.jobs"
    name           = "jobs"
    address_prefix = "10.30.1.0/24"
  }
}

resource "azurerm_function_app" "jobs" {
  name                       = "jobs-fa"
  resource_group_name        = "rg"
  location                   = "westeurope"
  app_service_plan_id        = "plan"
  storage_account_name       = "jobsfn"
  storage_account_access_key = var.jobs_storage_key

  site_config {
    app_scale_limit = 5
  }
}

# Unknown (no default): nothing for EPH301/EPH302 to read.
variable "jobs_storage_key" {
  type = string
}

resource "azurerm_app_service_virtual_network_swift_connection" "jobs" {
  app_service_id = azurerm_function_app.jobs.id
  subnet_id      = one(azurerm_virtual_network.legacy.subnet[*].id)
}
