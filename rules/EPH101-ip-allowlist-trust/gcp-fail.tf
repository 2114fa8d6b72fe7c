# Google Cloud: allow-lists that trust shared egress. Google's published ranges admit every
# Google Cloud customer, whatever their value; a Cloud SQL instance a function reaches by its
# public address admits that function only by admitting Google's shared pool.
data "google_netblock_ip_ranges" "cloud" {
  range_type = "cloud-netblocks"
}

resource "google_compute_security_policy" "api" {
  name = "api"
  rule {
    action   = "allow"
    priority = 1000
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = data.google_netblock_ip_ranges.cloud.cidr_blocks_ipv4 # expect: EPH101 "Google's published ranges (cloud-netblocks)"
      }
    }
  }
  rule {
    action   = "deny(403)"
    priority = 2147483647
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
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
        name  = "office"
        value = "203.0.113.10/32" # expect: EPH101 "google_cloud_run_v2_service.api"
      }
    }
  }
}

resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
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
