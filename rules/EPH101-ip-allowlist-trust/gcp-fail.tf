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

# Cloud Armor in front of a load balancer that a Cloud Run service calls: the policy denies
# every other address, so the service must be admitted by its address, which is Google's
# shared pool (it has no VPC egress).
resource "google_compute_security_policy" "partner_api" {
  name = "partner-api"
  rule {
    action   = "allow"
    priority = 1000
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["198.51.100.7/32", "198.51.100.8/32"] # expect: EPH101 "google_cloud_run_v2_service.reporter"
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

resource "google_compute_backend_service" "partner_api" {
  name            = "partner-api"
  security_policy = google_compute_security_policy.partner_api.id
}

resource "google_compute_url_map" "partner_api" {
  name            = "partner-api"
  default_service = google_compute_backend_service.partner_api.id
}

resource "google_compute_target_https_proxy" "partner_api" {
  name    = "partner-api"
  url_map = google_compute_url_map.partner_api.id
}

resource "google_compute_global_address" "partner_api" {
  name = "partner-api"
}

resource "google_compute_global_forwarding_rule" "partner_api" {
  name       = "partner-api"
  target     = google_compute_target_https_proxy.partner_api.id
  ip_address = google_compute_global_address.partner_api.id
  port_range = "443"
}

resource "google_cloud_run_v2_service" "reporter" {
  name     = "reporter"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 5
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/reporter:1"
      env {
        name  = "PARTNER_API"
        value = "https://${google_compute_global_address.partner_api.address}/v1"
      }
    }
  }
}

# A bucket IP filter in front of a bucket a 2nd gen function writes to: the function sends only
# private ranges into its VPC, so its Cloud Storage calls leave from Google's shared pool.
resource "google_storage_bucket" "exports" {
  name     = "exports"
  location = "EU"
  ip_filter {
    mode = "Enabled"
    public_network_source {
      allowed_ip_cidr_ranges = ["203.0.113.16/28"] # expect: EPH101 "google_cloudfunctions2_function.export"
    }
  }
}

resource "google_compute_network" "fn" {
  name                    = "fn"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "fn" {
  name          = "fn"
  region        = "europe-west1"
  network       = google_compute_network.fn.id
  ip_cidr_range = "10.20.0.0/24"
  log_config {}
}

resource "google_cloudfunctions2_function" "export" {
  name     = "export"
  location = "europe-west1"
  build_config {
    runtime     = "python312"
    entry_point = "main"
  }
  service_config {
    max_instance_count = 3
    direct_vpc_egress  = "VPC_EGRESS_PRIVATE_RANGES_ONLY"
    direct_vpc_network_interface {
      network    = google_compute_network.fn.id
      subnetwork = google_compute_subnetwork.fn.id
    }
    environment_variables = {
      EXPORT_BUCKET = google_storage_bucket.exports.name
    }
  }
}

# A VPC Service Controls access level that admits the manual address of a Cloud NAT: the NAT is
# there for the function behind it, but the function sends only private ranges into the VPC,
# so its calls never leave from that address.
resource "google_compute_network" "nat" {
  name                    = "nat"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "nat" {
  name          = "nat"
  region        = "europe-west1"
  network       = google_compute_network.nat.id
  ip_cidr_range = "10.30.0.0/24"
  log_config {}
}

resource "google_compute_router" "nat" {
  name    = "nat"
  region  = "europe-west1"
  network = google_compute_network.nat.id
}

resource "google_compute_address" "nat" {
  name   = "nat"
  region = "europe-west1"
}

resource "google_compute_router_nat" "nat" {
  name                               = "nat"
  router                             = google_compute_router.nat.name
  region                             = "europe-west1"
  nat_ip_allocate_option             = "MANUAL_ONLY"
  nat_ips                            = [google_compute_address.nat.self_link]
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"
}

resource "google_cloud_run_v2_service" "sync" {
  name     = "sync"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 5
    }
    vpc_access {
      egress = "PRIVATE_RANGES_ONLY"
      network_interfaces {
        subnetwork = google_compute_subnetwork.nat.id
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/sync:1"
    }
  }
}

resource "google_access_context_manager_access_level" "sync" {
  parent = "accessPolicies/123"
  name   = "accessPolicies/123/accessLevels/sync"
  title  = "sync"
  basic {
    conditions {
      ip_subnetworks = ["${google_compute_address.nat.address}/32"] # expect: EPH101 "Cloud NAT address google_compute_address.nat"
    }
  }
}

# A bucket that admits a VPC network too, read by a 1st gen function with no VPC egress: it can
# only pass by its (shared) public address.
resource "google_storage_bucket" "shared" {
  name     = "shared"
  location = "EU"
  ip_filter {
    mode = "Enabled"
    public_network_source {
      allowed_ip_cidr_ranges = ["198.51.100.0/28"] # expect: EPH101 "google_cloudfunctions_function.shared_reader"
    }
    vpc_network_sources {
      network                = google_compute_network.fn.id
      allowed_ip_cidr_ranges = ["10.20.0.0/24"]
    }
  }
}

resource "google_cloudfunctions_function" "shared_reader" {
  name          = "shared-reader"
  runtime       = "python312"
  max_instances = 2
  environment_variables = {
    BUCKET = "gs://${google_storage_bucket.shared.name}/in"
  }
  build_environment_variables = {
    BUCKET = google_storage_bucket.exports.name # build env: Cloud Build reads it, not the function
  }
}
