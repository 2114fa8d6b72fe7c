variable "max_instances" {
  type    = number
  default = 10
}

variable "unknown_limit" {
  type = number
}

resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = var.max_instances
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_cloud_run_service" "legacy" {
  name     = "legacy"
  location = "europe-west1"
  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale" = "5"
      }
    }
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
  max_instances = 3
}

resource "google_cloudfunctions2_function" "v2" {
  name     = "v2"
  location = "europe-west1"
  service_config {
    max_instance_count = var.unknown_limit
  }
}

resource "azurerm_windows_function_app" "app" {
  name                = "app"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"
  site_config {
    app_scale_limit = 10
  }
}

resource "azurerm_linux_function_app" "by_setting" {
  name                = "by-setting"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"
  app_settings = {
    WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT = "4"
  }
  site_config {}
}

resource "azurerm_function_app_flex_consumption" "flex" {
  name                        = "flex"
  resource_group_name         = "rg"
  location                    = "westeurope"
  service_plan_id             = "plan"
  storage_container_type      = "blobContainer"
  storage_container_endpoint  = "https://flexfn.blob.core.windows.net/deploy"
  storage_authentication_type = "SystemAssignedIdentity"
  runtime_name                = "python"
  runtime_version             = "3.11"
  maximum_instance_count      = 40
  site_config {}
}
