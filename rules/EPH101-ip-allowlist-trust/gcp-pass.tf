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

# An office allow-list in front of a load balancer that no function calls: ordinary perimeter
# filtering, not trust in a serverless caller's egress.
resource "google_compute_security_policy" "office" {
  name = "office"
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

resource "google_compute_backend_service" "office" {
  name            = "office"
  security_policy = google_compute_security_policy.office.id
}

# A policy that allows everyone by default and only exempts some addresses from other rules is
# not an allow-list, even in front of something a function calls.
resource "google_compute_security_policy" "rate" {
  name = "rate"
  rule {
    action   = "allow"
    priority = 1000
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["198.51.100.9/32"]
      }
    }
  }
  rule {
    action   = "allow"
    priority = 2147483647
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }
  }
}

resource "google_compute_backend_service" "rate" {
  name            = "rate"
  security_policy = google_compute_security_policy.rate.id
}

resource "google_compute_url_map" "rate" {
  name            = "rate"
  default_service = google_compute_backend_service.rate.id
}

resource "google_compute_target_http_proxy" "rate" {
  name    = "rate"
  url_map = google_compute_url_map.rate.id
}

resource "google_compute_global_forwarding_rule" "rate" {
  name   = "rate"
  target = google_compute_target_http_proxy.rate.id
}

resource "google_cloud_run_v2_service" "rate_caller" {
  name     = "rate-caller"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 5
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/caller:1"
      env {
        name  = "API"
        value = google_compute_global_forwarding_rule.rate.ip_address
      }
    }
  }
}

# A bucket IP filter that admits the Cloud NAT's manual address, for a function whose egress
# all goes through that NAT; and a VPC Service Controls access level that admits the same
# address: the address is the function's own.
resource "google_storage_bucket" "reports" {
  name     = "reports"
  location = "EU"
  ip_filter {
    mode = "Enabled"
    public_network_source {
      allowed_ip_cidr_ranges = ["${google_compute_address.egress.address}/32"]
    }
  }
}

resource "google_access_context_manager_access_level" "egress" {
  parent = "accessPolicies/123"
  name   = "accessPolicies/123/accessLevels/egress"
  title  = "egress"
  basic {
    conditions {
      ip_subnetworks = ["${google_compute_address.egress.address}/32"]
    }
  }
}

resource "google_cloud_run_v2_service" "reports" {
  name     = "reports"
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
      image = "europe-docker.pkg.dev/p/r/reports:1"
      env {
        name  = "REPORTS_BUCKET"
        value = google_storage_bucket.reports.name
      }
    }
  }
}

# A bucket that also admits the VPC network of a service that sends all its egress into that
# network (with Private Google Access): the service passes by its network, not its address.
resource "google_compute_network" "private" {
  name                    = "private"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "private" {
  name                     = "private"
  region                   = "europe-west1"
  network                  = google_compute_network.private.id
  ip_cidr_range            = "10.40.0.0/24"
  private_ip_google_access = true
  log_config {}
}

resource "google_storage_bucket" "shared" {
  name     = "shared"
  location = "EU"
  ip_filter {
    mode = "Enabled"
    public_network_source {
      allowed_ip_cidr_ranges = ["198.51.100.0/28"]
    }
    vpc_network_sources {
      network                = google_compute_network.private.id
      allowed_ip_cidr_ranges = ["10.40.0.0/24"]
    }
  }
}

resource "google_cloud_run_v2_service" "shared_reader" {
  name     = "shared-reader"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 2
    }
    vpc_access {
      egress = "ALL_TRAFFIC"
      network_interfaces {
        subnetwork = google_compute_subnetwork.private.id
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/reader:1"
      env {
        name  = "BUCKET"
        value = google_storage_bucket.shared.name
      }
    }
  }
}

# A VPC Service Controls access level for the office and its VPN: no function involved.
resource "google_access_context_manager_access_level" "office" {
  parent = "accessPolicies/123"
  name   = "accessPolicies/123/accessLevels/office"
  title  = "office"
  basic {
    conditions {
      ip_subnetworks = ["198.51.100.0/24", "203.0.113.0/28"]
    }
  }
}

# A policy whose deny-everything-else rule is in preview (logged, not enforced) is not an
# allow-list, even in front of something a function calls.
resource "google_compute_security_policy" "previewed" {
  name = "previewed"
  rule {
    action   = "allow"
    priority = 1000
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["198.51.100.9/32"]
      }
    }
  }
  rule {
    action   = "deny(403)"
    priority = 2147483647
    preview  = true
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }
  }
}

resource "google_compute_backend_service" "previewed" {
  name            = "previewed"
  security_policy = google_compute_security_policy.previewed.id
}

resource "google_compute_url_map" "previewed" {
  name            = "previewed"
  default_service = google_compute_backend_service.previewed.id
}

resource "google_compute_target_http_proxy" "previewed" {
  name    = "previewed"
  url_map = google_compute_url_map.previewed.id
}

resource "google_compute_global_forwarding_rule" "previewed" {
  name   = "previewed"
  target = google_compute_target_http_proxy.previewed.id
}

resource "google_cloud_run_v2_service" "previewed_caller" {
  name     = "previewed-caller"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 5
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/caller:1"
      env {
        name  = "API"
        value = google_compute_global_forwarding_rule.previewed.ip_address
      }
    }
  }
}
