# Google Cloud: VPC firewall rules that admit 0.0.0.0/0 on ports other than 80 and 443.
resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["22", "443"]
  }
  source_ranges = ["0.0.0.0/0"] # expect: EPH103 "IAP TCP forwarding"
}

resource "google_compute_firewall" "everything" {
  name      = "allow-all"
  network   = "default"
  direction = "INGRESS"
  allow {
    protocol = "all"
  }
  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"] # expect: EPH103 "every protocol and port"
}

resource "google_compute_firewall" "range" {
  name    = "allow-app"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["8000-9000"]
  }
  source_ranges = ["0.0.0.0/0"] # expect: EPH103 "TCP ports 8000-9000"
}

# Several port entries of one allow block: one finding for the range as written.
resource "google_compute_firewall" "several" {
  name    = "allow-several"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["1024-65535", "22"]
  }
  source_ranges = ["0.0.0.0/0"] # expect: EPH103 "TCP ports 1024-65535 and TCP port 22"
}
