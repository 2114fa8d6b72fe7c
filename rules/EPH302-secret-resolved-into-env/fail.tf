# Secrets from a secret store or a sensitive input, placed decrypted into function environments.

variable "db_password" {
  type      = string
  sensitive = true
}

variable "webhook_secret" {
  type      = string
  sensitive = true
  default   = ""
}

variable "legacy_password" {
  type      = string
  sensitive = true
  default   = "Zq8vN2pL5wXr-legacy" # expect: EPH301
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf"
  secret_string = jsonencode({ key = "from-elsewhere" })
}

resource "aws_ssm_parameter" "token" {
  name  = "/api/prod/token"
  type  = "SecureString"
  value = "stored-encrypted"
}

data "aws_secretsmanager_secret_version" "orders" {
  secret_id = "orders/db"
}

resource "random_password" "db" {
  length = 24
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::123456789012:role/api"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5

  environment {
    variables = {
      DB_PASSWORD     = var.db_password # expect: EPH302 "sensitive input"
      WEBHOOK_SECRET  = var.webhook_secret # expect: EPH302 "WEBHOOK_SECRET"
      API_KEY         = aws_secretsmanager_secret_version.api.secret_string # expect: EPH302 "aws_secretsmanager_secret_version.api.secret_string"
      API_TOKEN       = aws_ssm_parameter.token.value # expect: EPH302 "aws_ssm_parameter.token.value"
      DB_ROOT         = random_password.db.result # expect: EPH302 "plain-text value of a secret"
      DATABASE_URL    = "postgres://app:${random_password.db.result}@db.internal:5432/orders" # expect: EPH302 "DATABASE_URL"
      # EPH301 reports the literal default of this sensitive variable; EPH302 stays quiet on it.
      LEGACY_PASSWORD = var.legacy_password
      ORDERS_DB_PASSWORD = jsondecode(data.aws_secretsmanager_secret_version.orders.secret_string)["password"] # expect: EPH302 "data.aws_secretsmanager_secret_version.orders.secret_string"
      TABLE_NAME      = "orders"
    }
  }
}

resource "google_cloud_run_v2_service" "billing" {
  name     = "billing"
  location = "europe-west1"

  template {
    scaling {
      max_instance_count = 5
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/billing:1"
      env {
        name  = "DB_PASSWORD" # expect: EPH302 "Cloud Run service"
        value = var.db_password
      }
    }
  }
}

resource "azurerm_linux_function_app" "orders" {
  name                = "orders-fa"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"

  site_config {
    app_scale_limit = 5
  }

  app_settings = {
    DB_PASSWORD = random_password.db.result # expect: EPH302 "Function App"
  }
}
