# Google Cloud: the platform fetches the secret from Secret Manager; the environment holds
# only the secret's name.

resource "google_secret_manager_secret" "db" {
  secret_id = "orders-db-password"
  replication {
    auto {}
  }
}

resource "google_cloudfunctions2_function" "orders" {
  name     = "orders"
  location = "europe-west1"

  build_config {
    runtime     = "python312"
    entry_point = "orders"
    environment_variables = {
      DB_SECRET_NAME = google_secret_manager_secret.db.secret_id
    }
  }

  service_config {
    max_instance_count = 3
    secret_environment_variables {
      key        = "DB_PASSWORD"
      project_id = "p"
      secret     = google_secret_manager_secret.db.secret_id
      version    = "latest"
    }
  }
}

resource "google_cloud_run_v2_service" "render" {
  name     = "render"
  location = "europe-west1"

  template {
    scaling {
      max_instance_count = 5
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/render:1"
      env {
        name = "DB_PASSWORD"
        value_source {
          secret_key_ref {
            secret  = google_secret_manager_secret.db.secret_id
            version = "latest"
          }
        }
      }
    }
  }
}
