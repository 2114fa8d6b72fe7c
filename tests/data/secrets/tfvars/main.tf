variable "stripe_key" {
  type = string
}

variable "webhook_signing_secret" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = "arn:aws:iam::123456789012:role/billing"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "billing.zip"

  environment {
    variables = {
      STRIPE_KEY     = var.stripe_key
      WEBHOOK_SECRET = var.webhook_signing_secret
    }
  }
}
