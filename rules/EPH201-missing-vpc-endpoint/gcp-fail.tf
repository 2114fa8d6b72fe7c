# Google Cloud: functions that send all their egress into a subnet with no Private Google
# Access, no Private Service Connect endpoint for Google APIs and no Cloud NAT.
resource "google_compute_network" "vpc" {
  name                    = "serverless"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "run" {
  name          = "run"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.10.0.0/24"
  log_config {}
}

# Cloud Run v2, direct VPC egress.
resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
    }
    vpc_access {
      egress = "ALL_TRAFFIC" # expect: EPH201 "Private Google Access"
      network_interfaces {
        subnetwork = google_compute_subnetwork.run.name
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_vpc_access_connector" "connector" {
  name   = "connector"
  region = "europe-west1"
  subnet {
    name = google_compute_subnetwork.run.name
  }
}

# Cloud Functions 2nd gen through a Serverless VPC Access connector.
resource "google_cloudfunctions2_function" "worker" {
  name     = "worker"
  location = "europe-west1"
  build_config {
    runtime     = "python312"
    entry_point = "main"
  }
  service_config {
    max_instance_count            = 2
    vpc_connector                 = google_vpc_access_connector.connector.id
    vpc_connector_egress_settings = "ALL_TRAFFIC" # expect: EPH201 "google_cloudfunctions2_function.worker"
  }
}

# Cloud Run v1: the connector and the egress setting are annotations.
resource "google_cloud_run_service" "legacy" {
  name     = "legacy"
  location = "europe-west1"
  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale"        = "5"
        "run.googleapis.com/vpc-access-connector" = google_vpc_access_connector.connector.name
        "run.googleapis.com/vpc-access-egress"    = "all-traffic" # expect: EPH201 "all-traffic"
      }
    }
    spec {
      containers {
        image = "gcr.io/p/legacy:1"
      }
    }
  }
}

# Cloud Run v1, direct VPC egress: the interfaces are an annotation holding JSON, written with
# jsonencode (a reference to the subnet) or as literal text (the subnet's name).
resource "google_cloud_run_service" "direct" {
  name     = "direct"
  location = "europe-west1"
  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale"    = "5"
        "run.googleapis.com/network-interfaces" = jsonencode([{
          network    = google_compute_network.vpc.name
          subnetwork = google_compute_subnetwork.run.name
        }])
        "run.googleapis.com/vpc-access-egress" = "all-traffic" # expect: EPH201 "google_cloud_run_service.direct"
      }
    }
    spec {
      containers {
        image = "gcr.io/p/direct:1"
      }
    }
  }
}

resource "google_cloud_run_service" "direct_literal" {
  name     = "direct-literal"
  location = "europe-west1"
  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale"      = "5"
        "run.googleapis.com/network-interfaces" = "[{\"network\":\"serverless\",\"subnetwork\":\"run\",\"tags\":[\"web\"]}]"
        "run.googleapis.com/vpc-access-egress"  = "all-traffic" # expect: EPH201 "google_cloud_run_service.direct_literal"
      }
    }
    spec {
      containers {
        image = "gcr.io/p/direct:1"
      }
    }
  }
}
