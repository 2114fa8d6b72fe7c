# Google Cloud: narrow entries, private ranges, deny rules and a disabled bucket IP filter.
resource "google_compute_security_policy" "api" {
  name = "api"
  rule {
    action   = "allow"
    priority = 1000
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["198.51.100.0/24", "10.0.0.0/8"]
      }
    }
  }
  rule {
    action   = "deny(403)"
    priority = 1100
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["34.0.0.0/8"]
      }
    }
  }
}

resource "google_storage_bucket" "data" {
  name     = "data"
  location = "EU"
  ip_filter {
    mode = "Disabled"
    public_network_source {
      allowed_ip_cidr_ranges = ["104.0.0.0/10"]
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
      authorized_networks {
        name  = "office"
        value = "203.0.113.10/32"
      }
    }
  }
}

# A Cloud SQL instance without a public address (ipv4_enabled = false): authorized networks
# apply to the public address only, so even 0.0.0.0/0 admits nobody.
resource "google_sql_database_instance" "private" {
  name             = "private"
  database_version = "POSTGRES_16"
  region           = "europe-west1"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/p/global/networks/vpc"
      authorized_networks {
        name  = "leftover"
        value = "0.0.0.0/0"
      }
    }
  }
}
