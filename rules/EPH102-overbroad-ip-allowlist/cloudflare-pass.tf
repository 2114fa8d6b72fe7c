# The same origin with Authenticated Origin Pulls on: only this zone's requests carry
# Cloudflare's client certificate, so admitting Cloudflare's ranges is not the whole check.

data "cloudflare_ip_ranges" "cloudflare" {}

resource "cloudflare_authenticated_origin_pulls" "zone" {
  zone_id = "0da42c8d2132a9ddaf714f9e7c920711"
  enabled = true
}

resource "aws_security_group" "origin" {
  name   = "origin"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = data.cloudflare_ip_ranges.cloudflare.ipv4_cidr_blocks
  }
}
