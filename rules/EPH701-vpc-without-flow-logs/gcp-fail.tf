# Google Cloud: subnets that carry functions' traffic (direct VPC egress, a Serverless VPC
# Access connector) without VPC Flow Logs (`log_config`).
resource "google_compute_network" "vpc" {
  name                    = "serverless"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "run" { # expect: EPH701 "google_cloud_run_v2_service.api"
  name          = "run"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.10.0.0/24"
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

resource "google_compute_subnetwork" "connector" { # expect: EPH701 "google_cloudfunctions_function.hook"
  name          = "connector"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.8.0.0/28"
}

resource "google_vpc_access_connector" "hook" {
  name   = "hook"
  region = "europe-west1"
  subnet {
    name = google_compute_subnetwork.connector.name
  }
}

resource "google_cloudfunctions_function" "hook" {
  name          = "hook"
  runtime       = "python312"
  entry_point   = "main"
  trigger_http  = true
  max_instances = 3
  vpc_connector = google_vpc_access_connector.hook.id
}

# Cloud Run v1 with direct VPC egress (the network-interfaces annotation) into a subnet without
# flow logs, named in the annotation's JSON.
resource "google_compute_subnetwork" "legacy" { # expect: EPH701 "google_cloud_run_service.legacy"
  name          = "legacy"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.12.0.0/24"
}

resource "google_cloud_run_service" "legacy" {
  name     = "legacy"
  location = "europe-west1"
  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale"      = "3"
        "run.googleapis.com/network-interfaces" = "[{\"network\":\"serverless\",\"subnetwork\":\"legacy\"}]"
      }
    }
    spec {
      containers {
        image = "gcr.io/p/legacy:1"
      }
    }
  }
}
