# Literal secrets in function environments on AWS, Google Cloud and Azure, written in
# place, in a variable default and in a local.

variable "api_token" {
  type    = string
  default = "tok_9Xk2Lm7Qp4Rz" # expect: EPH301 "API_TOKEN"
}

locals {
  slack_token = "xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx" # expect: EPH301 "Slack token"
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
      DB_PASSWORD        = "hunter2-prod-7f3a" # expect: EPH301 "literal password in environment variable DB_PASSWORD"
      API_TOKEN          = var.api_token
      SLACK_TOKEN        = local.slack_token
      MONGO_URL          = "mongodb+srv://admin:s3cr3tPa55@cluster0.ab1cd.mongodb.net/orders" # expect: EPH301 "embedded password"
      TWILIO_ACCOUNT_SID = "AC9f86d081884c7d659a2feaa0c55ad015"
      TWILIO_AUTH        = "0f1e2d3c4b5a69788796a5b4c3d2e1f0" # expect: EPH301 "Twilio auth token"
      # expect: EPH301 "private key"
      SIGNING_KEY = <<-EOT
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5VZ5Q0lFDMCTdoAoGCCqGSM49
        AwEHoUQDQgAEZ3pXFb4R6lrV0nq3oKkYq2cS9pYtF0dPz1M8yZcV7VqTQ0b9wJk=
        -----END EC PRIVATE KEY-----
      EOT
      TABLE_NAME = "orders"
    }
  }
}

resource "google_cloudfunctions_function" "mailer" {
  name          = "mailer"
  runtime       = "python312"
  max_instances = 3

  environment_variables = {
    SENDGRID_API_KEY = "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" # expect: EPH301 "google_cloudfunctions_function.mailer"
  }
}

resource "google_cloudfunctions2_function" "sync" {
  name     = "sync"
  location = "europe-west1"

  service_config {
    max_instance_count = 3
    environment_variables = {
      GITHUB_TOKEN = "ghp_0123456789abcdefghijABCDEFGHIJ012345" # expect: EPH301 "Cloud Function (2nd gen)"
    }
  }
}

resource "google_cloud_run_service" "orders" {
  name     = "orders"
  location = "europe-west1"

  template {
    metadata {
      annotations = {
        "autoscaling.knative.dev/maxScale" = "5"
      }
    }
    spec {
      containers {
        image = "europe-docker.pkg.dev/p/r/orders:1"
        env {
          name  = "DATABASE_URL"
          value = "postgres://app:Zq8vN2pL5wX@10.0.0.5:5432/orders" # expect: EPH301 "Secret Manager"
        }
        env {
          name = "DB_PASSWORD"
          value_from {
            secret_key_ref {
              name = "orders-db"
              key  = "password"
            }
          }
        }
      }
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
        name  = "STRIPE_KEY"
        value = "sk_live_51Habc0123456789" # expect: EPH301 "google_cloud_run_v2_service.billing"
      }
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
  service_plan_id     = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan"

  site_config {
    app_scale_limit = 5
  }

  app_settings = {
    AzureWebJobsStorage = "DefaultEndpointsProtocol=https;AccountName=ordersfn;AccountKey=q2XvN8pL5wZ0kR3tY7uB1mC4dF6gH9jK2lQ5sA8eW0rT3yU6iO9pA1sD4fG7hJ0kL3zX6cV9bN2mQ5wE8rT1y==;EndpointSuffix=core.windows.net" # expect: EPH301 "Key Vault"
    DB_PASSWORD         = "@Microsoft.KeyVault(VaultName=orders-kv;SecretName=db-password)"
  }
}

variable "legacy_storage_key" {
  type = string
}

resource "azurerm_function_app" "legacy" {
  name                       = "legacy-fa"
  resource_group_name        = "rg"
  location                   = "westeurope"
  app_service_plan_id        = "plan"
  storage_account_name       = "legacyfn"
  storage_account_access_key = var.legacy_storage_key

  site_config {
    app_scale_limit = 5
  }

  app_settings = {
    API_KEY = "4f9c2e7a1b8d3f6e0a5c9b2d" # expect: EPH301 "azurerm_function_app.legacy"
  }
}
