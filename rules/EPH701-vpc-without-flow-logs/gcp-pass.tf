# Google Cloud: a function subnet with VPC Flow Logs, a subnet without them that hosts no
# function, and a connector that is not in the code.
resource "google_compute_network" "vpc" {
  name                    = "serverless"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "run" {
  name          = "run"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.10.0.0/24"
  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
  }
}

resource "google_compute_subnetwork" "batch" {
  name          = "batch"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.20.0.0/24"
}

resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
    }
    vpc_access {
      network_interfaces {
        network    = google_compute_network.vpc.id
        subnetwork = google_compute_subnetwork.run.id
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_cloudfunctions_function" "hook" {
  name          = "hook"
  runtime       = "python312"
  entry_point   = "main"
  trigger_http  = true
  max_instances = 3
  vpc_connector = "projects/p/locations/europe-west1/connectors/shared"
}
