# Google Cloud: invokers that are named identities, roles that do not invoke, and unknown
# members are not flagged.
variable "invoker" {
  type = string
}

resource "google_cloud_run_v2_service" "api" {
  name                 = "api"
  location             = "europe-west1"
  invoker_iam_disabled = false
  template {
    scaling {
      max_instance_count = 10
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_service_account" "caller" {
  account_id = "caller"
}

resource "google_cloud_run_v2_service_iam_member" "caller" {
  location = google_cloud_run_v2_service.api.location
  name     = google_cloud_run_v2_service.api.name
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.caller.email}"
}

resource "google_cloud_run_v2_service_iam_member" "from_variable" {
  location = google_cloud_run_v2_service.api.location
  name     = google_cloud_run_v2_service.api.name
  role     = "roles/run.invoker"
  member   = var.invoker
}

# Seeing the service's configuration is not invoking it.
resource "google_cloud_run_v2_service_iam_member" "viewers" {
  location = google_cloud_run_v2_service.api.location
  name     = google_cloud_run_v2_service.api.name
  role     = "roles/run.viewer"
  member   = "allAuthenticatedUsers"
}
