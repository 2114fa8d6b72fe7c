variable "concurrency" {
  type    = number
  default = 25
}

variable "unknown_concurrency" {
  type = number
}

locals {
  limits = { api = 50 }
}

resource "aws_lambda_function" "literal" {
  function_name                  = "literal"
  role                           = "arn:aws:iam::123456789012:role/literal"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "literal.zip"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_function" "from_variable" {
  function_name                  = "from-variable"
  role                           = "arn:aws:iam::123456789012:role/from-variable"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "from-variable.zip"
  reserved_concurrent_executions = var.concurrency
}

resource "aws_lambda_function" "from_local" {
  function_name                  = "from-local"
  role                           = "arn:aws:iam::123456789012:role/from-local"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "from-local.zip"
  reserved_concurrent_executions = local.limits["api"]
}

# Not knowable from the code: never reported.
resource "aws_lambda_function" "unknown" {
  function_name                  = "unknown"
  role                           = "arn:aws:iam::123456789012:role/unknown"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "unknown.zip"
  reserved_concurrent_executions = var.unknown_concurrency
}
