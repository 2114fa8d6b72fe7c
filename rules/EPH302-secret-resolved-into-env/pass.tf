# Passing references to secrets instead of their values.

variable "stage" {
  type    = string
  default = "prod"
}

resource "aws_secretsmanager_secret" "api" {
  name = "api/${var.stage}"
}

resource "aws_ssm_parameter" "table" {
  name  = "/api/prod/table"
  type  = "String"
  value = "orders"
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "orders/db"
}

locals {
  db = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)
}

resource "random_string" "suffix" {
  length = 6
}

resource "aws_lambda_function" "api" {
  function_name                  = "api-${random_string.suffix.result}"
  role                           = "arn:aws:iam::123456789012:role/api"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5

  environment {
    variables = {
      API_SECRET_ARN     = aws_secretsmanager_secret.api.arn
      API_SECRET_NAME    = aws_secretsmanager_secret.api.name
      TABLE_PARAMETER    = aws_ssm_parameter.table.name
      TABLE_NAME         = aws_ssm_parameter.table.value
      SUFFIX             = random_string.suffix.result
      # The non-secret fields of a database secret, named for what they hold.
      DB_USERNAME = local.db.username
      DB_HOST     = local.db["host"]
      DB_PORT     = local.db.port
    }
  }
}
