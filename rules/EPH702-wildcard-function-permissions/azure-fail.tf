# Function Apps whose managed identity holds Owner or Contributor on a subscription or a
# resource group: system-assigned and user-assigned identities, a literal scope and references.

data "azurerm_subscription" "current" {}

resource "azurerm_user_assigned_identity" "jobs" {
  name                = "jobs-id"
  resource_group_name = "rg"
  location            = "westeurope"
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

resource "azurerm_windows_function_app" "jobs" {
  name                          = "jobs-fa"
  resource_group_name           = "rg"
  location                      = "westeurope"
  service_plan_id               = "plan"
  storage_account_name          = "jobsfn"
  storage_uses_managed_identity = true

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.jobs.id]
  }

  site_config {
    app_scale_limit = 10
  }
}

resource "azurerm_role_assignment" "orders_owner" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Owner" # expect: EPH702 "system-assigned managed identity of azurerm_linux_function_app.orders"
  principal_id         = azurerm_linux_function_app.orders.identity[0].principal_id
}

resource "azurerm_role_assignment" "jobs_contributor" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/jobs"
  role_definition_name = "Contributor" # expect: EPH702 "resource group"
  principal_id         = azurerm_user_assigned_identity.jobs.principal_id
}

# The role named by its built-in definition id, literally or through a role definition data source.
data "azurerm_role_definition" "contributor" {
  name = "Contributor"
}

resource "azurerm_role_assignment" "orders_owner_by_id" {
  scope              = data.azurerm_subscription.current.id
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635" # expect: EPH702 "grants Owner"
  principal_id       = azurerm_linux_function_app.orders.identity[0].principal_id
}

resource "azurerm_role_assignment" "jobs_contributor_by_lookup" {
  scope              = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_id = data.azurerm_role_definition.contributor.id # expect: EPH702 "grants Contributor"
  principal_id       = azurerm_user_assigned_identity.jobs.principal_id
}
