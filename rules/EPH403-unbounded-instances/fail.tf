resource "google_cloud_run_v2_service" "api" { # expect: EPH403 "Cloud Run"
  name     = "api"
  location = "europe-west1"
  template {
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_cloud_run_service" "legacy" { # expect: EPH403
  name     = "legacy"
  location = "europe-west1"
  template {
    spec {
      containers {
        image = "gcr.io/p/legacy:1"
      }
    }
  }
}

resource "google_cloudfunctions_function" "v1" {
  name          = "v1"
  runtime       = "python312"
  entry_point   = "main"
  trigger_http  = true
  max_instances = 0 # expect: EPH403 "0 means unlimited"
}

resource "google_cloudfunctions2_function" "v2" { # expect: EPH403 "Cloud Function (2nd gen)"
  name     = "v2"
  location = "europe-west1"
  build_config {
    runtime     = "python312"
    entry_point = "main"
  }
  service_config {
    available_memory = "256M"
  }
}

resource "azurerm_linux_function_app" "app" { # expect: EPH403 "Function App"
  name                = "app"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"
  site_config {}
}

resource "azurerm_function_app" "legacy" { # expect: EPH403
  name                = "legacy"
  resource_group_name = "rg"
  location            = "westeurope"
  app_service_plan_id = "plan"
}

# Flex Consumption: the ceiling is maximum_instance_count.
resource "azurerm_function_app_flex_consumption" "flex" { # expect: EPH403 "maximum_instance_count on Flex Consumption"
  name                        = "flex"
  resource_group_name         = "rg"
  location                    = "westeurope"
  service_plan_id             = "plan"
  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "https://flexfn.blob.core.windows.net/deploy"
  storage_authentication_type = "SystemAssignedIdentity"
  runtime_name                = "python"
  runtime_version             = "3.11"
  site_config {}
}
