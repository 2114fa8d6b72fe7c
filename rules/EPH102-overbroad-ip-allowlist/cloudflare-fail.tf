# An origin that admits Cloudflare's published ranges and nothing proves the request came
# through this zone: every Cloudflare customer can point a zone at the origin and pass.

data "cloudflare_ip_ranges" "cloudflare" {}

resource "aws_security_group" "origin" {
  name   = "origin"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = data.cloudflare_ip_ranges.cloudflare.ipv4_cidr_blocks # expect: EPH102 "every Cloudflare customer"
  }
}

resource "aws_vpc_security_group_ingress_rule" "origin_v6" {
  security_group_id = aws_security_group.origin.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = data.cloudflare_ip_ranges.cloudflare.ipv6_cidr_blocks[0] # expect: EPH102 "Authenticated Origin Pulls"
}

resource "cloudflare_zero_trust_access_policy" "wide" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name       = "whole ISP"
  decision   = "bypass"
  # expect: EPH101 "by their address alone"
  include = [{ ip = { ip = "81.0.0.0/12" } }] # expect: EPH102 "wider than /16"
}
