variable "password" {
  type = string
}

resource "aws_lambda_function" "this" {
  function_name                  = "api"
  role                           = "arn:aws:iam::123456789012:role/api"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5

  environment {
    variables = {
      DB_PASSWORD = var.password
    }
  }
}
