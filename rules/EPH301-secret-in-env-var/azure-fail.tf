# Azure Function Apps: literal credentials in connection strings and in the storage account
# key the app runs with (azurerm 4 and 5 resource types, and the legacy azurerm_function_app).

resource "azurerm_linux_function_app" "orders" {
  name                       = "orders-fa"
  resource_group_name        = "rg"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = "ordersfn"
  storage_account_access_key = "q2XvN8pL5wZ0kR3tY7uB1mC4dF6gH9jK2lQ5sA8eW0rT3yU6iO9pA1sD4fG7hJ0kL3zX6cV9bN2mQ5wE8rT1y==" # expect: EPH301 "storage_uses_managed_identity"

  site_config {
    app_scale_limit = 5
  }

  connection_string {
    name  = "Orders"
    type  = "SQLAzure"
    value = "Server=tcp:orders.database.windows.net,1433;Database=orders;User ID=app;Password=Pr0d-Passw0rd-77x;Encrypt=true" # expect: EPH301 "connection string Orders"
  }
}

resource "azurerm_windows_function_app_slot" "staging" {
  name                       = "staging"
  function_app_id            = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/orders-fa"
  storage_account_name       = "ordersfn"
  storage_account_access_key = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVkcGx1Z3h5enp5Zm9vYmFyYmF6cXV4cXV1eA==" # expect: EPH301 "Function App slot"

  site_config {
    app_scale_limit = 5
  }
}

resource "azurerm_function_app" "legacy" {
  name                       = "legacy-fa"
  resource_group_name        = "rg"
  location                   = "westeurope"
  app_service_plan_id        = "plan"
  storage_account_name       = "legacyfn"
  storage_account_access_key = "Q2xhc3NpY0tleUZvclRoZUxlZ2FjeUZ1bmN0aW9uQXBwVGhhdElzU3RpbGxJblRoZUNvZGVCYXNlMDEyMzQ1Ng==" # expect: EPH301 "azurerm 5 removed"

  site_config {
    app_scale_limit = 5
  }
}

# Flex Consumption: the deployment storage key and the runtime storage key, both literal.
resource "azurerm_function_app_flex_consumption" "jobs" {
  name                                    = "jobs-fa"
  resource_group_name                     = "rg"
  location                                = "westeurope"
  service_plan_id                         = "plan"
  storage_container_type                  = "blobContainer"
  storage_container_endpoint              = "https://jobsfn.blob.core.windows.net/deploy"
  storage_authentication_type             = "StorageAccountConnectionString"
  storage_access_key                      = "DefaultEndpointsProtocol=https;AccountName=jobsfn;AccountKey=cTh6M3ZOMHBMdzVLdDJZaDdSYjlEYzRGZzZKbTFTYTBVZThXaTNPeTVUcjdRcDJMazROajZIbTlHYjFWYzNYejVBZA==;EndpointSuffix=core.windows.net" # expect: EPH301 "storage_authentication_type"
  function_app_storage_account_name       = "jobsfn"
  function_app_storage_account_access_key = "cTh6M3ZOMHBMdzVLdDJZaDdSYjlEYzRGZzZKbTFTYTBVZThXaTNPeTVUcjdRcDJMazROajZIbTlHYjFWYzNYejVBZA==" # expect: EPH301 "function_app_storage_uses_managed_identity"
  runtime_name                            = "python"
  runtime_version                         = "3.11"
  maximum_instance_count                  = 50
  site_config {}
}
