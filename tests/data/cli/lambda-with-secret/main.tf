resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"
  environment {
    variables = {
      DB_PASSWORD = "hunter2-prod-7f3a"
    }
  }
}
