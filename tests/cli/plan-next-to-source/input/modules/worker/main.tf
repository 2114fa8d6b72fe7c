variable "role_arn" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "this" {
  function_name = "orders-worker"
  role          = var.role_arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "${path.module}/worker.zip"

  environment {
    variables = {
      DB_PASSWORD = var.db_password
      TABLE       = "orders"
    }
  }
}
