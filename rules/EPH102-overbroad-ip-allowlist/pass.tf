variable "vpc_id" {
  type = string
}

variable "partner_cidrs" {
  type = list(string)
}

resource "aws_wafv2_ip_set" "allowed" {
  name               = "allowed"
  scope              = "REGIONAL"
  ip_address_version = "IPV4"
  addresses          = ["198.51.0.0/16", "10.0.0.0/8"]
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = var.vpc_id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["172.16.0.0/12"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["52.0.0.0/8"]
  }
}

resource "aws_security_group_rule" "partner" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 8443
  to_port           = 8443
  protocol          = "tcp"
  cidr_blocks       = var.partner_cidrs
}

resource "aws_network_acl" "edge" {
  vpc_id = var.vpc_id
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 90
    action     = "deny"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "5.0.0.0/8"
  }
}

resource "aws_network_acl_rule" "out" {
  network_acl_id = aws_network_acl.edge.id
  rule_number    = 100
  egress         = true
  rule_action    = "allow"
  protocol       = "-1"
  cidr_block     = "52.0.0.0/8"
}

# A wide set that a web ACL only blocks: a block-list, not an allow-list.
resource "aws_wafv2_ip_set" "blocked" {
  name               = "blocked"
  scope              = "REGIONAL"
  ip_address_version = "IPV4"
  addresses          = ["5.0.0.0/8"]
}

resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "block-bad-ranges"
    priority = 1
    action {
      block {}
    }
    statement {
      ip_set_reference_statement {
        arn = aws_wafv2_ip_set.blocked.arn
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "blocked"
      sampled_requests_enabled   = false
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = false
    metric_name                = "edge"
    sampled_requests_enabled   = false
  }
}
