# What EPH301 must not flag: references to a secret store, names that mention a secret,
# placeholders, paths, and values that are unknown or computed at apply time.

variable "db_password" {
  type = string # no default, no tfvars: unknown
}

variable "stage" {
  type    = string
  default = "prod"
}

resource "aws_secretsmanager_secret" "db" {
  name = "orders/db"
}

resource "aws_db_instance" "orders" {
  identifier = "orders"
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::123456789012:role/api"
  handler                        = "handler.main"
  runtime                        = "python3.12"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5

  environment {
    variables = {
      DB_SECRET_ARN          = aws_secretsmanager_secret.db.arn
      SECRET_NAME            = "orders/db"
      DB_PASSWORD_PARAMETER  = "/app/${var.stage}/db-password"
      DB_PASSWORD            = var.db_password
      DATABASE_URL           = "postgres://app:${var.db_password}@${aws_db_instance.orders.address}/orders"
      DB_HOST                = aws_db_instance.orders.address
      TOKEN_URL              = "https://auth.example.com/oauth2/token"
      PASSWORD_MIN_LENGTH    = 12
      AWS_CA_BUNDLE          = "/etc/ssl/certs/ca-bundle.pem"
      PRIVATE_KEY_PATH       = "/opt/keys/signing.pem"
      API_KEY_FILE           = "secrets/api.key"
      AUTH_TYPE              = "AWS_IAM"
      FEATURE_TOKEN_REFRESH  = true
      API_TOKEN              = "<your-token>"
      SLACK_TOKEN            = "xoxb-your-bot-token"
      ADMIN_PASSWORD         = "changeme"
      TEMPLATE_LEFTOVER      = "$${DB_PASSWORD}"
      EXAMPLE_ACCESS_KEY     = "AKIAIOSFODNN7EXAMPLE"
      LOCAL_DATABASE_URL     = "postgres://postgres:postgres@localhost:5432/dev"
      STRIPE_PUBLISHABLE_KEY = "pk_live_51Habc0123456789AbCdEf"
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
        name = "DB_PASSWORD"
        value_source {
          secret_key_ref {
            secret  = "billing-db"
            version = "latest"
          }
        }
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
    DB_PASSWORD         = "@Microsoft.KeyVault(VaultName=orders-kv;SecretName=db-password)"
    AzureWebJobsStorage = "UseDevelopmentStorage=true"
  }
}
