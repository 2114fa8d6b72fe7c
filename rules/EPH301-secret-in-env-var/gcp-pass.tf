# Google Cloud: secrets fetched from Secret Manager by the platform, and build environments
# that hold only configuration.

resource "google_cloudfunctions_function" "report" {
  name          = "report"
  runtime       = "nodejs20"
  max_instances = 3

  build_environment_variables = {
    NODE_ENV                = "production"
    NPM_TOKEN_SECRET        = "projects/p/secrets/npm-token"
    GOOGLE_NODE_RUN_SCRIPTS = ""
  }

  secret_environment_variables {
    key     = "API_TOKEN"
    secret  = "report-api-token"
    version = "latest"
  }
}

resource "google_cloudfunctions2_function" "ingest" {
  name     = "ingest"
  location = "europe-west1"

  build_config {
    runtime     = "python312"
    entry_point = "ingest"
    environment_variables = {
      PIP_INDEX_URL = "https://pypi.example.com/simple"
    }
  }

  service_config {
    max_instance_count = 3
    secret_environment_variables {
      key        = "DB_PASSWORD"
      project_id = "p"
      secret     = "ingest-db"
      version    = "latest"
    }
  }
}

resource "google_cloud_run_v2_service" "render" {
  name     = "render"
  location = "europe-west1"

  build_config {
    source_location = "gs://src-bucket/render.zip"
    environment_variables = {
      GOOGLE_BUILDABLE = "./cmd/render"
    }
  }

  template {
    scaling {
      max_instance_count = 5
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/render:1"
      env {
        name = "STRIPE_KEY"
        value_source {
          secret_key_ref {
            secret  = "render-stripe"
            version = "latest"
          }
        }
      }
    }
  }
}
