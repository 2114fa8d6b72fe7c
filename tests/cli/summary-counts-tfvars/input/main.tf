variable "db_password" {
  type = string
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = {
      DB_PASSWORD = var.db_password
    }
  }
}
