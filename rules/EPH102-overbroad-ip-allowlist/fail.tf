variable "vpc_id" {
  type = string
}

variable "partner_cidrs" {
  type    = list(string)
  default = ["13.32.0.0/12"] # expect: EPH102 "aws_security_group_rule.partner"
}

resource "aws_wafv2_ip_set" "allowed" {
  name               = "allowed"
  scope              = "REGIONAL"
  ip_address_version = "IPV4"
  addresses          = ["3.0.0.0/9", "198.51.100.0/24"] # expect: EPH102 "WAF IP set"
}

resource "aws_waf_ipset" "classic" {
  name = "classic"
  ip_set_descriptors {
    type  = "IPV4"
    value = "54.0.0.0/10" # expect: EPH102 "aws_waf_ipset.classic"
  }
}

resource "aws_wafregional_ipset" "regional" {
  name = "regional"
  ip_set_descriptor {
    type  = "IPV6"
    value = "2a05:d000::/25" # expect: EPH102 "aws_wafregional_ipset.regional"
  }
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = var.vpc_id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["35.0.0.0/12"] # expect: EPH102 "security group"
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

resource "aws_vpc_security_group_ingress_rule" "v6" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = "2600:1f00::/24" # expect: EPH102 "2600:1f00::/24"
}

resource "aws_network_acl" "edge" {
  vpc_id = var.vpc_id
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "18.0.0.0/8" # expect: EPH102 "network ACL"
  }
}

resource "aws_network_acl_rule" "partner" {
  network_acl_id = aws_network_acl.edge.id
  rule_number    = 110
  egress         = false
  rule_action    = "allow"
  protocol       = "tcp"
  from_port      = 8443
  to_port        = 8443
  cidr_block     = "15.0.0.0/8" # expect: EPH102 "aws_network_acl_rule.partner"
}

data "aws_iam_policy_document" "reports" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/reporting"]
    }
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["52.0.0.0/8"] # expect: EPH102 "aws:SourceIp"
    }
  }
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = "reports"
  policy = data.aws_iam_policy_document.reports.json
}

# Blocked by one rule, but also the only addresses another rule lets through (inside a
# not-statement of a block rule): still an allow-list.
resource "aws_wafv2_ip_set" "office" {
  name               = "office"
  scope              = "REGIONAL"
  ip_address_version = "IPV4"
  addresses          = ["20.0.0.0/8"] # expect: EPH102 "aws_wafv2_ip_set.office"
}

resource "aws_wafv2_web_acl" "admin" {
  name  = "admin"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "block-office"
    priority = 1
    action {
      block {}
    }
    statement {
      ip_set_reference_statement {
        arn = aws_wafv2_ip_set.office.arn
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "office"
      sampled_requests_enabled   = false
    }
  }
  rule {
    name     = "only-office"
    priority = 2
    action {
      block {}
    }
    statement {
      not_statement {
        statement {
          ip_set_reference_statement {
            arn = aws_wafv2_ip_set.office.arn
          }
        }
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "only-office"
      sampled_requests_enabled   = false
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = false
    metric_name                = "admin"
    sampled_requests_enabled   = false
  }
}
