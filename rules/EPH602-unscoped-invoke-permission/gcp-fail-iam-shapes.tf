# Google Cloud: the invoker grants gcp-fail.tf does not write, one per IAM resource shape
# (member, binding, authoritative policy) on Cloud Run v1 and v2 and Cloud Functions 1st and 2nd gen.
resource "google_cloud_run_service" "v1" {
  name     = "v1"
  location = "europe-west1"
  template {
    metadata {
      annotations = { "autoscaling.knative.dev/maxScale" = "5" }
    }
    spec {
      containers {
        image = "europe-docker.pkg.dev/p/r/api:1"
      }
    }
  }
}

data "google_iam_policy" "public_run" {
  binding {
    role    = "roles/run.invoker"
    # expect: EPH602 "google_cloud_run_service_iam_policy.v1 grants roles/run.invoker to allUsers"
    # expect: EPH602 "google_cloud_run_v2_service_iam_policy.v2 grants roles/run.invoker to allUsers"
    members = ["allUsers"]
  }
}

resource "google_cloud_run_service_iam_policy" "v1" {
  location    = google_cloud_run_service.v1.location
  service     = google_cloud_run_service.v1.name
  policy_data = data.google_iam_policy.public_run.policy_data
}

resource "google_cloud_run_v2_service" "v2" {
  name     = "v2"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 3
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_cloud_run_v2_service_iam_binding" "v2" {
  name     = google_cloud_run_v2_service.v2.name
  location = google_cloud_run_v2_service.v2.location
  role     = "roles/run.invoker"
  members  = ["allAuthenticatedUsers"] # expect: EPH602 "google_cloud_run_v2_service_iam_binding.v2 grants roles/run.invoker to allAuthenticatedUsers"
}

resource "google_cloud_run_v2_service_iam_policy" "v2" {
  name        = google_cloud_run_v2_service.v2.name
  location    = google_cloud_run_v2_service.v2.location
  policy_data = data.google_iam_policy.public_run.policy_data
}

resource "google_cloudfunctions_function" "g1" {
  name          = "g1"
  region        = "europe-west1"
  runtime       = "python312"
  entry_point   = "main"
  trigger_http  = true
  max_instances = 2
}

resource "google_cloudfunctions_function_iam_member" "g1" {
  cloud_function = google_cloudfunctions_function.g1.name
  region         = google_cloudfunctions_function.g1.region
  role           = "roles/cloudfunctions.invoker"
  member         = "allUsers" # expect: EPH602 "google_cloudfunctions_function_iam_member.g1"
}

resource "google_cloudfunctions_function_iam_binding" "g1" {
  cloud_function = google_cloudfunctions_function.g1.name
  region         = google_cloudfunctions_function.g1.region
  role           = "roles/cloudfunctions.invoker"
  members        = ["allUsers", "user:a@example.com"] # expect: EPH602 "google_cloudfunctions_function_iam_binding.g1"
}

resource "google_cloudfunctions2_function" "g2" {
  name     = "g2"
  location = "europe-west1"
  build_config {
    runtime     = "python312"
    entry_point = "main"
  }
  service_config {
    max_instance_count = 2
  }
}

resource "google_cloudfunctions2_function_iam_binding" "g2" {
  cloud_function = google_cloudfunctions2_function.g2.name
  location       = google_cloudfunctions2_function.g2.location
  role           = "roles/cloudfunctions.invoker"
  members        = ["allUsers"] # expect: EPH602 "google_cloudfunctions2_function_iam_binding.g2"
}

data "google_iam_policy" "public_fn" {
  binding {
    role    = "roles/cloudfunctions.invoker"
    members = ["allAuthenticatedUsers"] # expect: EPH602 "google_cloudfunctions2_function_iam_policy.g2 grants roles/cloudfunctions.invoker to allAuthenticatedUsers"
  }
}

resource "google_cloudfunctions2_function_iam_policy" "g2" {
  cloud_function = google_cloudfunctions2_function.g2.name
  location       = google_cloudfunctions2_function.g2.location
  policy_data    = data.google_iam_policy.public_fn.policy_data
}
