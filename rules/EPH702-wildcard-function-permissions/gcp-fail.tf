# Google Cloud: the service account a function runs as (or the default account it falls back
# to) holding roles/owner or roles/editor on the project, as a member, a binding or a policy.
resource "google_service_account" "api" {
  account_id = "api"
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

resource "google_project_iam_member" "api_editor" {
  project = "p"
  role    = "roles/editor" # expect: EPH702 "google_cloud_run_v2_service.api runs as"
  member  = "serviceAccount:${google_service_account.api.email}"
}

# Names no service account: runs as the Compute Engine default service account.
resource "google_cloudfunctions2_function" "worker" {
  name     = "worker"
  location = "europe-west1"
  build_config {
    runtime     = "python312"
    entry_point = "main"
  }
  service_config {
    max_instance_count = 2
  }
}

data "google_compute_default_service_account" "default" {}

resource "google_project_iam_binding" "owners" {
  project = "p"
  role    = "roles/owner" # expect: EPH702 "Compute Engine default service account"
  members = [
    "user:admin@example.com",
    "serviceAccount:${data.google_compute_default_service_account.default.email}",
  ]
}

# 1st gen falls back to the App Engine default service account.
resource "google_cloudfunctions_function" "hook" {
  name          = "hook"
  runtime       = "python312"
  entry_point   = "main"
  trigger_http  = true
  max_instances = 3
}

data "google_iam_policy" "project" {
  binding {
    role    = "roles/editor" # expect: EPH702 "App Engine default service account"
    members = ["serviceAccount:my-project@appspot.gserviceaccount.com"]
  }
}

resource "google_project_iam_policy" "project" {
  project     = "my-project"
  policy_data = data.google_iam_policy.project.policy_data
}
