resource "aws_iam_role" "webhook" {
  name = "${local.name}-webhook"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "webhook" {
  role = aws_iam_role.webhook.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sqs:*", Resource = "*" }]
  })
}

resource "aws_lambda_function" "webhook" {
  function_name                  = "${local.name}-webhook"
  role                           = aws_iam_role.webhook.arn
  handler                        = "webhook.handler"
  runtime                        = "python3.12"
  filename                       = "build/webhook.zip"
  reserved_concurrent_executions = 20

  environment {
    variables = {
      QUEUE_URL = aws_sqs_queue.orders.url
    }
  }
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = "NONE"
}

resource "aws_s3_bucket_policy" "invoices" {
  bucket = aws_s3_bucket.invoices.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "BackOffice"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.invoices.arn}/*"
      Condition = {
        IpAddress = { "aws:SourceIp" = [var.office_cidr] }
      }
    }]
  })
}
