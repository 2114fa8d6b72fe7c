# Azure: NAT gateways whose only clients are VNet-integrated Function Apps that never send it
# internet traffic (route-all off), or that reach only Azure services through service or
# private endpoints.

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

resource "azurerm_subnet" "orders" {
  name                 = "orders"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.1.0/24"]
}

resource "azurerm_public_ip" "orders" {
  name                = "orders-nat-ip"
  resource_group_name = "rg"
  location            = "westeurope"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_nat_gateway" "orders" { # expect: EPH501 "azurerm_linux_function_app.orders routes only private ranges"
  name                = "orders-nat"
  resource_group_name = "rg"
  location            = "westeurope"
}

resource "azurerm_nat_gateway_public_ip_association" "orders" {
  nat_gateway_id       = azurerm_nat_gateway.orders.id
  public_ip_address_id = azurerm_public_ip.orders.id
}

resource "azurerm_subnet_nat_gateway_association" "orders" {
  subnet_id      = azurerm_subnet.orders.id
  nat_gateway_id = azurerm_nat_gateway.orders.id
}

# vnet_route_all_enabled is off (the default): internet calls never enter the VNet.
resource "azurerm_linux_function_app" "orders" {
  name                          = "orders-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.orders.id

  app_settings = {
    PAYMENT_URL = "https://api.stripe.com/v1"
  }

  site_config {
    app_scale_limit = 10
  }
}

# azurerm 5 service endpoint block; route-all on, but only Storage is called, through it.
resource "azurerm_subnet" "jobs" {
  name                 = "jobs"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.2.0/24"]

  service_endpoint {
    service = "Microsoft.Storage"
  }
}

# Its network rules admit the subnet: the account answers, it does not use the NAT gateway.
resource "azurerm_storage_account" "data" {
  name                     = "jobsdata"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action             = "Deny"
    virtual_network_subnet_ids = [azurerm_subnet.jobs.id]
  }
}

resource "azurerm_nat_gateway" "jobs" { # expect: EPH501 "reaches only Azure services (Microsoft.Storage)"
  name                = "jobs-nat"
  resource_group_name = "rg"
  location            = "westeurope"
}

resource "azurerm_subnet_nat_gateway_association" "jobs" {
  subnet_id      = azurerm_subnet.jobs.id
  nat_gateway_id = azurerm_nat_gateway.jobs.id
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
    JOBS_QUEUE = azurerm_storage_account.data.primary_queue_endpoint
  }

  site_config {
    app_scale_limit        = 10
    vnet_route_all_enabled = true
  }
}
