variable "url_auth" {
  type = string
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::111122223333:role/api"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_function_url" "signed" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "AWS_IAM"
}

# Not knowable here: silent.
resource "aws_lambda_function_url" "configurable" {
  function_name      = aws_lambda_function.api.function_name
  qualifier          = "live"
  authorization_type = var.url_auth
}
