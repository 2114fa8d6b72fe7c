# Azure Functions HTTP triggers with authLevel anonymous, in an app without App Service
# authentication: anyone who knows the URL invokes them.

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
    bindings = [
      {
        authLevel = "anonymous" # expect: EPH603 "authLevel anonymous"
        direction = "in"
        methods   = ["get", "post"]
        name      = "req"
        type      = "httpTrigger"
      },
      {
        direction = "out"
        name      = "$return"
        type      = "http"
      },
    ]
  })
}

resource "azurerm_function_app_function" "legacy_json" {
  name            = "status"
  function_app_id = azurerm_linux_function_app.api.id
  language        = "Python"
  config_json     = "{\"bindings\": [{\"authLevel\": \"Anonymous\", \"direction\": \"in\", \"name\": \"req\", \"type\": \"httpTrigger\"}]}" # expect: EPH603 "App Service authentication"
}

# App Service authentication turned on but not required: unauthenticated requests still
# reach the function (require_authentication defaults to false).
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
    auth_enabled = true

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
    bindings = [{ authLevel = "anonymous", direction = "in", name = "req", type = "httpTrigger" }] # expect: EPH603 "azurerm_windows_function_app.portal"
  })
}
