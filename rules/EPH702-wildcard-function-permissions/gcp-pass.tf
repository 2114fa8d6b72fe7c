# Google Cloud: a dedicated service account with narrow roles, basic roles held by other
# identities, and grants whose member is unknown are not flagged.
variable "member" {
  type = string
}

resource "google_service_account" "api" {
  account_id = "api"
}

resource "google_service_account" "ci" {
  account_id = "ci"
}

resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = "europe-west1"
  template {
    service_account = google_service_account.api.email
    scaling {
      max_instance_count = 10
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_project_iam_member" "api_reads_secrets" {
  project = "p"
  role    = "roles/secretmanager.secretAccessor"
  member  = "serviceAccount:${google_service_account.api.email}"
}

# The deploying pipeline's account, which no function runs as.
resource "google_project_iam_member" "ci_editor" {
  project = "p"
  role    = "roles/editor"
  member  = "serviceAccount:${google_service_account.ci.email}"
}

# The default compute account is an editor, but the only function names its own account.
data "google_compute_default_service_account" "default" {}

resource "google_project_iam_member" "default_editor" {
  project = "p"
  role    = "roles/editor"
  member  = "serviceAccount:${data.google_compute_default_service_account.default.email}"
}

resource "google_project_iam_member" "unknown" {
  project = "p"
  role    = "roles/owner"
  member  = var.member
}
