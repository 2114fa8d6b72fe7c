resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::123456789012:role/api"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5

  environment {
    variables = {
      STRIPE_KEY  = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
      DB_PASSWORD = "hunter2-prod"
    }
  }
}
