# Google Cloud: all egress into subnets with Private Google Access, into a network with a
# Private Service Connect endpoint for Google APIs, or through a Cloud NAT; the default
# (private ranges only); and an egress setting that is unknown.
variable "egress" {
  type = string
}

resource "google_compute_network" "vpc" {
  name                    = "serverless"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "private_access" {
  name                     = "private-access"
  region                   = "europe-west1"
  network                  = google_compute_network.vpc.id
  ip_cidr_range            = "10.10.0.0/24"
  private_ip_google_access = true
  log_config {}
}

resource "google_compute_subnetwork" "plain" {
  name          = "plain"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.20.0.0/24"
  log_config {}
}

resource "google_cloud_run_v2_service" "with_access" {
  name     = "with-access"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
    }
    vpc_access {
      egress = "ALL_TRAFFIC"
      network_interfaces {
        subnetwork = google_compute_subnetwork.private_access.name
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_cloud_run_v2_service" "private_ranges" {
  name     = "private-ranges"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
    }
    vpc_access {
      network_interfaces {
        subnetwork = google_compute_subnetwork.plain.name
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

resource "google_cloud_run_v2_service" "unknown" {
  name     = "unknown"
  location = "europe-west1"
  template {
    scaling {
      max_instance_count = 10
    }
    vpc_access {
      egress = var.egress
      network_interfaces {
        subnetwork = google_compute_subnetwork.plain.name
      }
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/api:1"
    }
  }
}

# A second network whose Google API traffic goes through a Private Service Connect endpoint.
resource "google_compute_network" "psc" {
  name                    = "psc"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "psc" {
  name          = "psc"
  region        = "europe-west1"
  network       = google_compute_network.psc.id
  ip_cidr_range = "10.30.0.0/24"
  log_config {}
}

resource "google_compute_global_address" "apis" {
  name         = "apis"
  purpose      = "PRIVATE_SERVICE_CONNECT"
  address_type = "INTERNAL"
  network      = google_compute_network.psc.id
  address      = "10.255.255.254"
}

resource "google_compute_global_forwarding_rule" "apis" {
  name                  = "apis"
  target                = "all-apis"
  network               = google_compute_network.psc.id
  ip_address            = google_compute_global_address.apis.id
  load_balancing_scheme = ""
}

resource "google_cloudfunctions2_function" "through_psc" {
  name     = "through-psc"
  location = "europe-west1"
  build_config {
    runtime     = "python312"
    entry_point = "main"
  }
  service_config {
    max_instance_count = 2
    direct_vpc_network_interface {
      subnetwork = google_compute_subnetwork.psc.id
    }
    direct_vpc_egress = "VPC_EGRESS_ALL_TRAFFIC"
  }
}

# A third network with a Cloud NAT, for a function that calls a partner's API.
resource "google_compute_network" "nat" {
  name                    = "nat"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "nat" {
  name          = "nat"
  region        = "europe-west1"
  network       = google_compute_network.nat.id
  ip_cidr_range = "10.40.0.0/24"
  log_config {}
}

resource "google_compute_router" "nat" {
  name    = "nat"
  region  = "europe-west1"
  network = google_compute_network.nat.id
}

resource "google_compute_router_nat" "nat" {
  name                               = "nat"
  router                             = google_compute_router.nat.name
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
        subnetwork = google_compute_subnetwork.nat.name
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

# Cloud Run v1, direct VPC egress: the default egress (private ranges only) into a subnet
# without Private Google Access; and interfaces the code cannot know (a variable), which may
# name a subnet that has it.
resource "google_compute_subnetwork" "v1_plain" {
  name          = "v1-plain"
  region        = "europe-west1"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.14.0.0/24"
  log_config {}
}

resource "google_cloud_run_service" "v1_private_ranges" {
  name     = "v1-private-ranges"
  location = "europe-west1"
  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale"      = "3"
        "run.googleapis.com/network-interfaces" = jsonencode([{ subnetwork = google_compute_subnetwork.v1_plain.name }])
      }
    }
    spec {
      containers {
        image = "gcr.io/p/v1:1"
      }
    }
  }
}

variable "v1_interfaces" {
  type = string
}

resource "google_cloud_run_service" "v1_unknown_interfaces" {
  name     = "v1-unknown-interfaces"
  location = "europe-west1"
  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale"      = "3"
        "run.googleapis.com/network-interfaces" = var.v1_interfaces
        "run.googleapis.com/vpc-access-egress"  = "all-traffic"
      }
    }
    spec {
      containers {
        image = "gcr.io/p/v1:1"
      }
    }
  }
}

# A network inside a VPC Service Controls perimeter: its PSC endpoint serves the `vpc-sc`
# bundle (the Google APIs the perimeter supports), a Cloud Run v1 service sends all traffic
# through a Serverless VPC Access connector.
resource "google_compute_network" "perimeter" {
  name                    = "perimeter"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "perimeter" {
  name          = "perimeter"
  region        = "europe-west1"
  network       = google_compute_network.perimeter.id
  ip_cidr_range = "10.40.0.0/28"
  log_config {}
}

resource "google_compute_global_address" "perimeter_apis" {
  name         = "perimeter-apis"
  purpose      = "PRIVATE_SERVICE_CONNECT"
  address_type = "INTERNAL"
  network      = google_compute_network.perimeter.id
  address      = "10.255.255.253"
}

resource "google_compute_global_forwarding_rule" "perimeter_apis" {
  name                  = "perimeterapis"
  target                = "vpc-sc"
  network               = google_compute_network.perimeter.id
  ip_address            = google_compute_global_address.perimeter_apis.id
  load_balancing_scheme = ""
}

resource "google_vpc_access_connector" "perimeter" {
  name   = "perimeter"
  region = "europe-west1"
  subnet {
    name = google_compute_subnetwork.perimeter.name
  }
}

resource "google_cloud_run_service" "in_perimeter" {
  name     = "in-perimeter"
  location = "europe-west1"
  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale"        = "5"
        "run.googleapis.com/vpc-access-connector" = google_vpc_access_connector.perimeter.id
        "run.googleapis.com/vpc-access-egress"    = "all-traffic"
      }
    }
    spec {
      containers {
        image = "europe-docker.pkg.dev/p/r/api:1"
      }
    }
  }
}
