# Google Cloud: Cloud NATs whose only clients are functions whose traffic through them could
# reach nothing but Google APIs.
resource "google_compute_network" "vpc" {
  name                    = "serverless"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "run" {
  name                     = "run"
  region                   = "europe-west1"
  network                  = google_compute_network.vpc.id
  ip_cidr_range            = "10.10.0.0/24"
  private_ip_google_access = true
  log_config {}
}

resource "google_compute_router" "router" {
  name    = "router"
  region  = "europe-west1"
  network = google_compute_network.vpc.id
}

# Every subnet of the region: only `run`, whose one function sends only private ranges.
resource "google_compute_router_nat" "all" { # expect: EPH501 "sends only private ranges into the VPC"
  name                               = "all"
  router                             = google_compute_router.router.name
  region                             = "europe-west1"
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"
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
        subnetwork = google_compute_subnetwork.run.id
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

# A NAT for one named subnet, whose function sends all traffic but calls only Google APIs.
resource "google_compute_network" "jobs" {
  name                    = "jobs"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "jobs" {
  name          = "jobs"
  region        = "europe-west1"
  network       = google_compute_network.jobs.id
  ip_cidr_range = "10.20.0.0/24"
  log_config {}
}

resource "google_compute_router" "jobs" {
  name    = "jobs"
  region  = "europe-west1"
  network = google_compute_network.jobs.name
}

resource "google_compute_router_nat" "jobs" { # expect: EPH501 "turn on Private Google Access on subnet google_compute_subnetwork.jobs"
  name                               = "jobs"
  router                             = google_compute_router.jobs.name
  region                             = "europe-west1"
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "LIST_OF_SUBNETWORKS"
  subnetwork {
    name                    = google_compute_subnetwork.jobs.id
    source_ip_ranges_to_nat = ["ALL_IP_RANGES"]
  }
}

resource "google_cloudfunctions2_function" "export" {
  name     = "export"
  location = "europe-west1"
  build_config {
    runtime     = "python312"
    entry_point = "main"
  }
  service_config {
    max_instance_count = 2
    environment_variables = {
      BIGQUERY_ENDPOINT = "https://bigquery.googleapis.com"
      DATASET           = "exports"
    }
    direct_vpc_network_interface {
      subnetwork = google_compute_subnetwork.jobs.id
    }
    direct_vpc_egress = "VPC_EGRESS_ALL_TRAFFIC"
  }
}

# Cloud Functions 1st gen through a Serverless VPC Access connector, all traffic, naming only a
# Cloud Storage URI (gs://: the Cloud Storage API, not a host on the internet).
resource "google_compute_network" "legacy" {
  name                    = "legacy"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "connector" {
  name          = "connector"
  region        = "europe-west1"
  network       = google_compute_network.legacy.id
  ip_cidr_range = "10.8.0.0/28"
  log_config {}
}

resource "google_vpc_access_connector" "legacy" {
  name   = "legacy"
  region = "europe-west1"
  subnet {
    name = google_compute_subnetwork.connector.name
  }
}

resource "google_compute_router" "legacy" {
  name    = "legacy"
  region  = "europe-west1"
  network = google_compute_network.legacy.id
}

resource "google_compute_router_nat" "legacy" { # expect: EPH501 "google_cloudfunctions_function.reports sends all traffic (ALL_TRAFFIC) but names no host outside Google APIs"
  name                               = "legacy"
  router                             = google_compute_router.legacy.name
  region                             = "europe-west1"
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"
}

resource "google_cloudfunctions_function" "reports" {
  name                          = "reports"
  region                        = "europe-west1"
  runtime                       = "python312"
  entry_point                   = "main"
  trigger_http                  = true
  max_instances                 = 5
  vpc_connector                 = google_vpc_access_connector.legacy.id
  vpc_connector_egress_settings = "ALL_TRAFFIC"
  environment_variables = {
    REPORTS_BUCKET = "gs://reports/daily/"
  }
}
