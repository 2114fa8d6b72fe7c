# Google Cloud: allUsers / allAuthenticatedUsers holding an invoker role, in every form
# (member, binding, policy; Cloud Run v1 and v2, Cloud Functions 1st and 2nd gen), and the
# invoker check turned off.
resource "google_cloud_run_v2_service" "api" {
  name                 = "api"
  location             = "europe-west1"
  invoker_iam_disabled = true # expect: EPH602 "turns off the invoker IAM check"
  template {
    scaling {
      max_instance_count = 10
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_cloud_run_v2_service_iam_member" "public" {
  project  = "p"
  location = google_cloud_run_v2_service.api.location
  name     = google_cloud_run_v2_service.api.name
  role     = "roles/run.invoker"
  member   = "allUsers" # expect: EPH602 "anyone on the internet"
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

resource "google_cloud_run_service_iam_binding" "signed_in" {
  location = "europe-west1"
  service  = google_cloud_run_service.legacy.name
  role     = "roles/run.invoker"
  members = [
    "serviceAccount:caller@p.iam.gserviceaccount.com",
    "allAuthenticatedUsers", # expect: EPH602 "anyone with a Google account"
  ]
}

data "google_iam_policy" "open" {
  binding {
    role    = "roles/cloudfunctions.invoker"
    members = ["allUsers"] # expect: EPH602 "google_cloudfunctions_function.hook"
  }
}

resource "google_cloudfunctions_function" "hook" {
  name          = "hook"
  runtime       = "python312"
  entry_point   = "main"
  trigger_http  = true
  max_instances = 3
}

resource "google_cloudfunctions_function_iam_policy" "hook" {
  cloud_function = google_cloudfunctions_function.hook.name
  policy_data    = data.google_iam_policy.open.policy_data
}

resource "google_cloudfunctions2_function" "v2" {
  name     = "v2"
  location = "europe-west1"
  build_config {
    runtime     = "python312"
    entry_point = "main"
  }
  service_config {
    max_instance_count = 2
    ingress_settings   = "ALLOW_INTERNAL_AND_GCLB"
  }
}

# Behind a load balancer only: still public through it, reported as low.
resource "google_cloudfunctions2_function_iam_member" "v2" {
  location       = "europe-west1"
  cloud_function = google_cloudfunctions2_function.v2.name
  role           = "roles/cloudfunctions.invoker"
  member         = "allUsers" # expect: EPH602 "ALLOW_INTERNAL_AND_GCLB"
}

# A 2nd gen function is invoked through its Cloud Run service: roles/run.invoker on it.
resource "google_cloud_run_service_iam_member" "v2_service" {
  location = "europe-west1"
  service  = google_cloudfunctions2_function.v2.name
  role     = "roles/run.invoker"
  member   = "allUsers" # expect: EPH602 "google_cloudfunctions2_function.v2"
}

# Cloud Run v1: the invoker check turned off by annotation.
resource "google_cloud_run_service" "open" {
  name     = "open"
  location = "europe-west1"
  metadata {
    annotations = {
      "run.googleapis.com/invoker-iam-disabled" = "true" # expect: EPH602 "google_cloud_run_service.open"
    }
  }
  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale" = "5"
      }
    }
    spec {
      containers {
        image = "gcr.io/p/open:1"
      }
    }
  }
}
