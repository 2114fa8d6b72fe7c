variable "trusted_principal" {
  type = string
}

resource "aws_s3_bucket" "reports" {
  bucket = "reports"
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = aws_s3_bucket.reports.id
  policy = jsonencode({
    Statement = [
      # The address narrows an organisation's principals.
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.reports.arn}/*"
        Condition = {
          IpAddress    = { "aws:SourceIp" = "203.0.113.0/24" }
          StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" }
        }
      },
      # A named principal.
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/reporting" }
        Action    = "s3:ListBucket"
        Resource  = aws_s3_bucket.reports.arn
        Condition = { IpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
      },
      # A principal that cannot be known here.
      {
        Effect    = "Allow"
        Principal = { AWS = var.trusted_principal }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.reports.arn}/*"
        Condition = { IpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
      },
      # Deny from elsewhere next to Allows for named principals: defence in depth.
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = "${aws_s3_bucket.reports.arn}/*"
        Condition = { NotIpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
      },
    ]
  })
}

# Allow "*" from an address, but only through our VPC endpoint.
data "aws_iam_policy_document" "private_api" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["203.0.113.0/24"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-0123456789abcdef0"]
    }
  }
}

resource "aws_api_gateway_rest_api" "private" {
  name   = "private"
  policy = data.aws_iam_policy_document.private_api.json
}

# An identity policy: the caller is already an authenticated principal.
resource "aws_iam_policy" "office_only" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "s3:GetObject"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
    }]
  })
}
