variable "office_cidrs" {
  type    = list(string)
  default = ["198.51.100.0/24"]
}

locals {
  vpn_cidr = "203.0.113.0/24"
}

resource "aws_s3_bucket" "reports" {
  bucket = "reports"
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = aws_s3_bucket.reports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.reports.arn}/*"
      Condition = {
        IpAddress = {
          "aws:SourceIp" = var.office_cidrs # expect: EPH101 "S3 bucket"
        }
      }
    }]
  })
}

data "aws_iam_policy_document" "api" {
  statement {
    effect    = "Allow"
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp" # expect: EPH101 "API Gateway REST API"
      values   = [local.vpn_cidr]
    }
  }
}

resource "aws_api_gateway_rest_api" "partner" {
  name = "partner"
}

resource "aws_api_gateway_rest_api_policy" "partner" {
  rest_api_id = aws_api_gateway_rest_api.partner.id
  policy      = data.aws_iam_policy_document.api.json
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sqs:SendMessage"
      Resource  = "*"
      Condition = { NotIpAddress = { "aws:SourceIp" = "192.0.2.0/24" } } # expect: EPH101 "SQS queue"
    }]
  })
}

resource "aws_kms_key" "data" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = {
        IpAddress = {
          "aws:SourceIp" = ["203.0.113.5/32"] # expect: EPH101 "KMS key"
        }
      }
    }]
  })
}

resource "aws_iam_role" "break_glass" {
  name = "break-glass"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = {
        IpAddress = {
          "aws:SourceIp" = "203.0.113.7/32" # expect: EPH101 "IAM role trust policy"
        }
      }
    }]
  })
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
        Condition = {
          NotIpAddress = {
            "aws:SourceIp" = ["203.0.113.0/24"] # expect: EPH101 "SNS topic"
          }
        }
      },
    ]
  })
}
