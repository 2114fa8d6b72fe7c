variable "url_auth" {
  type    = string
  default = "NONE" # expect: X601
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::111122223333:role/api"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_function_url" "public" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE" # expect: X601
}

resource "aws_lambda_function_url" "from_variable" {
  function_name      = aws_lambda_function.api.function_name
  qualifier          = "live"
  authorization_type = var.url_auth
}
