# Azure: NAT gateways that their clients need or that the code cannot judge: a route-all
# function calling a host outside Azure, a NAT gateway whose public IP is published for
# allow-listing, a subnet shared with other compute, and a route-all setting not known.

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
  storage_account_id   = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flows"
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

resource "azurerm_nat_gateway" "orders" {
  name                = "orders-nat"
  resource_group_name = "rg"
  location            = "westeurope"
}

resource "azurerm_subnet_nat_gateway_association" "orders" {
  subnet_id      = azurerm_subnet.orders.id
  nat_gateway_id = azurerm_nat_gateway.orders.id
}

# Route-all on and a host outside Azure: the NAT gateway carries it.
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
    app_scale_limit        = 10
    vnet_route_all_enabled = true
  }
}

# The static address is published for a partner's allow-list.
resource "azurerm_subnet" "partner" {
  name                 = "partner"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.2.0/24"]
}

resource "azurerm_public_ip" "partner" {
  name                = "partner-nat-ip"
  resource_group_name = "rg"
  location            = "westeurope"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_nat_gateway" "partner" {
  name                = "partner-nat"
  resource_group_name = "rg"
  location            = "westeurope"
}

resource "azurerm_nat_gateway_public_ip_association" "partner" {
  nat_gateway_id       = azurerm_nat_gateway.partner.id
  public_ip_address_id = azurerm_public_ip.partner.id
}

resource "azurerm_subnet_nat_gateway_association" "partner" {
  subnet_id      = azurerm_subnet.partner.id
  nat_gateway_id = azurerm_nat_gateway.partner.id
}

output "partner_egress_ip" {
  value = azurerm_public_ip.partner.ip_address
}

resource "azurerm_windows_function_app" "partner" {
  name                          = "partner-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "partnerfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.partner.id

  site_config {
    app_scale_limit = 10
  }
}

# Route-all from a variable: not known.
variable "route_all" {
  type = bool
}

resource "azurerm_subnet" "reports" {
  name                 = "reports"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.app.name
  address_prefixes     = ["10.20.3.0/24"]
}

resource "azurerm_nat_gateway" "reports" {
  name                = "reports-nat"
  resource_group_name = "rg"
  location            = "westeurope"
}

resource "azurerm_subnet_nat_gateway_association" "reports" {
  subnet_id      = azurerm_subnet.reports.id
  nat_gateway_id = azurerm_nat_gateway.reports.id
}

resource "azurerm_linux_function_app" "reports" {
  name                          = "reports-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "reportsfn"
  storage_uses_managed_identity = true
  virtual_network_subnet_id     = azurerm_subnet.reports.id

  site_config {
    app_scale_limit        = 10
    vnet_route_all_enabled = var.route_all
  }
}
