# Google Cloud: a Cloud NAT with manual addresses (a partner allow-lists them), a NAT for a
# function that calls an outside API, and a NAT that also serves a VM are not flagged.
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

resource "google_compute_network" "partner" {
  name                    = "partner"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "partner" {
  name          = "partner"
  region        = "europe-west1"
  network       = google_compute_network.partner.id
  ip_cidr_range = "10.20.0.0/24"
  log_config {}
}

resource "google_compute_router" "partner" {
  name    = "partner"
  region  = "europe-west1"
  network = google_compute_network.partner.id
}

resource "google_compute_router_nat" "partner" {
  name                               = "partner"
  router                             = google_compute_router.partner.name
  region                             = "europe-west1"
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"
}

resource "google_cloud_run_v2_service" "partner" {
  name     = "partner"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
    }
    vpc_access {
      egress = "ALL_TRAFFIC"
      network_interfaces {
        subnetwork = google_compute_subnetwork.partner.id
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
      env {
        name  = "PARTNER_URL"
        value = "https://api.partner.example.com/v1"
      }
    }
  }
}

resource "google_compute_network" "mixed" {
  name                    = "mixed"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "mixed" {
  name          = "mixed"
  region        = "europe-west1"
  network       = google_compute_network.mixed.id
  ip_cidr_range = "10.30.0.0/24"
  log_config {}
}

resource "google_compute_router" "mixed" {
  name    = "mixed"
  region  = "europe-west1"
  network = google_compute_network.mixed.id
}

resource "google_compute_router_nat" "mixed" {
  name                               = "mixed"
  router                             = google_compute_router.mixed.name
  region                             = "europe-west1"
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"
}

resource "google_cloud_run_v2_service" "mixed" {
  name     = "mixed"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
    }
    vpc_access {
      network_interfaces {
        subnetwork = google_compute_subnetwork.mixed.id
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_compute_instance" "worker" {
  name         = "worker"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    subnetwork = google_compute_subnetwork.mixed.id
  }
}
