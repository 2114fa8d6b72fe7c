variable "name" {
  type = string
}

variable "password" {
  type = string
}

resource "aws_lambda_function" "this" {
  function_name                  = var.name
  role                           = "arn:aws:iam::123456789012:role/${var.name}"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "${var.name}.zip"
  reserved_concurrent_executions = 5

  environment {
    variables = {
      DB_PASSWORD = var.password # expect: EPH302 "module.api.aws_lambda_function.this"
    }
  }
}
