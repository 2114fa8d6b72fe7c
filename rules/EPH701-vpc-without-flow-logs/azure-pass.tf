# Azure: function subnets logged by an NSG flow log (azurerm 4 `network_security_group_id`),
# by a VNet flow log (`target_resource_id`), and a flow log whose target is not in the code
# (it may log this network: silent).

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

resource "azurerm_network_watcher_flow_log" "functions" {
  name                      = "functions-nsg-flows"
  network_watcher_name      = "NetworkWatcher_westeurope"
  resource_group_name       = "NetworkWatcherRG"
  network_security_group_id = azurerm_network_security_group.functions.id
  storage_account_id        = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flows"
  enabled                   = true

  retention_policy {
    enabled = true
    days    = 30
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

  site_config {
    app_scale_limit = 10
  }
}

resource "azurerm_virtual_network" "jobs" {
  name                = "jobs-vnet"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.30.0.0/16"]
}

resource "azurerm_subnet" "jobs" {
  name                 = "jobs"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.jobs.name
  address_prefixes     = ["10.30.1.0/24"]
}

resource "azurerm_network_watcher_flow_log" "jobs" {
  name                 = "jobs-vnet-flows"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_virtual_network.jobs.id
  storage_account_id   = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flows"
  enabled              = true

  retention_policy {
    enabled = true
    days    = 30
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

  site_config {
    app_scale_limit = 10
  }
}

# A subnet the code does not resolve (a variable): nothing to say.
variable "integration_subnet_id" {
  type = string
}

resource "azurerm_linux_function_app" "outside" {
  name                          = "outside-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "outsidefn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = var.integration_subnet_id

  site_config {
    app_scale_limit = 10
  }
}

# A subnet whose network security group comes from outside the code (its id as a variable):
# an NSG flow log may exist there, nothing to say.
variable "shared_nsg_id" {
  type = string
}

resource "azurerm_virtual_network" "shared" {
  name                = "shared-vnet"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.50.0.0/16"]
}

resource "azurerm_subnet" "shared" {
  name                 = "shared"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.shared.name
  address_prefixes     = ["10.50.1.0/24"]
}

resource "azurerm_subnet_network_security_group_association" "shared" {
  subnet_id                 = azurerm_subnet.shared.id
  network_security_group_id = var.shared_nsg_id
}

resource "azurerm_linux_function_app" "shared" {
  name                          = "shared-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "sharedfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.shared.id

  site_config {
    app_scale_limit = 10
  }
}

# A virtual network read from outside the code: its VNet flow log is not in view.
data "azurerm_virtual_network" "platform" {
  name                = "platform-vnet"
  resource_group_name = "platform-rg"
}

resource "azurerm_subnet" "platform" {
  name                 = "functions"
  resource_group_name  = "platform-rg"
  virtual_network_name = data.azurerm_virtual_network.platform.name
  address_prefixes     = ["10.60.1.0/24"]
}

resource "azurerm_windows_function_app" "platform" {
  name                          = "platform-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "platformfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.platform.id

  site_config {
    app_scale_limit = 10
  }
}
