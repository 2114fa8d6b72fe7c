# URLs of functions declared elsewhere that require signed requests, or whose auth type
# cannot be known.

variable "url_auth" {
  type = string
}

resource "aws_lambda_function_url" "signed" {
  function_name      = "orders-prod"
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function_url" "configurable" {
  function_name      = "orders-prod"
  authorization_type = var.url_auth
}

# A URL on an alias of a declared function is that function's URL.
resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::111122223333:role/api"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.api.function_name
  function_version = "1"
}

resource "aws_lambda_function_url" "live" {
  function_name      = aws_lambda_alias.live.function_name
  qualifier          = aws_lambda_alias.live.name
  authorization_type = "AWS_IAM"
}
