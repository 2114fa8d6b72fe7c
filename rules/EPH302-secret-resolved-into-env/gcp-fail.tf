# Google Cloud: a Secret Manager payload or a sensitive input copied into a runtime or build
# environment, where anyone who can read the function's configuration reads it.

variable "npm_token" {
  type      = string
  sensitive = true
}

data "google_secret_manager_secret_version" "db" {
  secret = "orders-db-password"
}

resource "google_cloudfunctions_function" "report" {
  name          = "report"
  runtime       = "nodejs20"
  max_instances = 3

  build_environment_variables = {
    NPM_TOKEN = var.npm_token # expect: EPH302 "build environment variable NPM_TOKEN"
  }
}

resource "google_cloudfunctions2_function" "orders" {
  name     = "orders"
  location = "europe-west1"

  build_config {
    runtime     = "python312"
    entry_point = "orders"
    environment_variables = {
      PIP_TOKEN = var.npm_token # expect: EPH302 "Cloud Function (2nd gen) google_cloudfunctions2_function.orders puts a sensitive variable into build environment variable PIP_TOKEN"
    }
  }

  service_config {
    max_instance_count = 3
    environment_variables = {
      DB_PASSWORD = data.google_secret_manager_secret_version.db.secret_data # expect: EPH302 "service_config.secret_environment_variables"
    }
  }
}

resource "google_cloud_run_v2_service" "render" {
  name     = "render"
  location = "europe-west1"

  build_config {
    source_location = "gs://src-bucket/render.zip"
    environment_variables = {
      NPM_TOKEN = var.npm_token # expect: EPH302 "google_cloud_run_v2_service.render"
    }
  }

  template {
    scaling {
      max_instance_count = 5
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/render:1"
    }
  }
}
