# Google Cloud: allow-lists of known addresses, Google's own health-check and IAP ranges,
# a Cloud SQL instance reached through the connector, and one reached from a function whose
# egress leaves through a Cloud NAT with manual IPs only.
data "google_netblock_ip_ranges" "iap" {
  range_type = "iap-forwarders"
}

resource "google_compute_security_policy" "admin" {
  name = "admin"
  rule {
    action   = "allow"
    priority = 1000
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["198.51.100.0/24"]
      }
    }
  }
  rule {
    action   = "allow"
    priority = 1100
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = data.google_netblock_ip_ranges.iap.cidr_blocks_ipv4
      }
    }
  }
}

resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_16"
  region           = "europe-west1"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "egress"
        value = google_compute_address.egress.address
      }
    }
  }
}

resource "google_cloud_run_v2_service" "connector" {
  name     = "connector"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
      env {
        name  = "INSTANCE_CONNECTION_NAME"
        value = google_sql_database_instance.db.connection_name
      }
    }
  }
}

resource "google_compute_network" "vpc" {
  name                    = "egress"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "run" {
  name          = "run"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.10.0.0/24"
  log_config {}
}

resource "google_compute_router" "router" {
  name    = "router"
  region  = "europe-west1"
  network = google_compute_network.vpc.id
}

resource "google_compute_address" "egress" {
  name   = "egress"
  region = "europe-west1"
}

resource "google_compute_router_nat" "manual" {
  name                               = "manual"
  router                             = google_compute_router.router.name
  region                             = "europe-west1"
  nat_ip_allocate_option             = "MANUAL_ONLY"
  nat_ips                            = [google_compute_address.egress.self_link]
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"
}

resource "google_cloud_run_v2_service" "static_egress" {
  name     = "static-egress"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
    }
    vpc_access {
      egress = "ALL_TRAFFIC"
      network_interfaces {
        subnetwork = google_compute_subnetwork.run.id
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
      env {
        name  = "DB_HOST"
        value = google_sql_database_instance.db.public_ip_address
      }
    }
  }
}
