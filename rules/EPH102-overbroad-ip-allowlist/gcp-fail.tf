# Google Cloud: wide entries in Cloud Armor allow rules, VPC Service Controls access levels,
# bucket IP filters and Cloud SQL authorized networks.
resource "google_compute_security_policy" "api" {
  name = "api"
  rule {
    action   = "allow"
    priority = 1000
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["34.0.0.0/8"] # expect: EPH102 "Cloud Armor security policy"
      }
    }
  }
}

resource "google_access_context_manager_access_level" "corp" {
  parent = "accessPolicies/123"
  name   = "accessPolicies/123/accessLevels/corp"
  title  = "corp"
  basic {
    conditions {
      ip_subnetworks = ["35.192.0.0/12", "2001:db8::/48"] # expect: EPH102 "VPC Service Controls access level"
    }
  }
}

resource "google_storage_bucket" "data" {
  name     = "data"
  location = "EU"
  ip_filter {
    mode = "Enabled"
    public_network_source {
      allowed_ip_cidr_ranges = ["104.0.0.0/10"] # expect: EPH102 "Cloud Storage bucket IP filter"
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
        name  = "anywhere"
        value = "0.0.0.0/0" # expect: EPH102 "Cloud SQL authorized network"
      }
    }
  }
}
