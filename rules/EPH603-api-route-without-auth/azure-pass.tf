# A function key for one trigger; App Service authentication on the other app.

resource "azurerm_linux_function_app" "api" {
  name                          = "orders-api"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "ordersfn"
  storage_uses_managed_identity = true

  site_config {
    app_scale_limit = 10
  }
}

resource "azurerm_function_app_function" "orders" {
  name            = "orders"
  function_app_id = azurerm_linux_function_app.api.id
  language        = "Python"
  config_json = jsonencode({
    bindings = [{ authLevel = "function", direction = "in", name = "req", type = "httpTrigger" }]
  })
}

resource "azurerm_function_app_function" "default_level" {
  name            = "default"
  function_app_id = azurerm_linux_function_app.api.id
  language        = "Python"
  config_json = jsonencode({
    bindings = [{ direction = "in", name = "req", type = "httpTrigger" }]
  })
}

resource "azurerm_windows_function_app" "portal" {
  name                          = "portal-api"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "portalfn"
  storage_uses_managed_identity = true

  site_config {
    app_scale_limit = 10
  }

  auth_settings_v2 {
    auth_enabled           = true
    require_authentication = true
    unauthenticated_action = "Return401"

    active_directory_v2 {
      client_id            = "00000000-0000-0000-0000-000000000000"
      tenant_auth_endpoint = "https://login.microsoftonline.com/tenant/v2.0"
    }

    login {}
  }
}

resource "azurerm_function_app_function" "portal" {
  name            = "portal"
  function_app_id = azurerm_windows_function_app.portal.id
  language        = "Javascript"
  config_json = jsonencode({
    bindings = [{ authLevel = "anonymous", direction = "in", name = "req", type = "httpTrigger" }]
  })
}
