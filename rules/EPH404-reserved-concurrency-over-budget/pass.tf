variable "unknown" {
  type = number
}

resource "aws_lambda_function" "a" {
  function_name                  = "a"
  role                           = "arn:aws:iam::123456789012:role/a"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "a.zip"
  reserved_concurrent_executions = 500
}

resource "aws_lambda_function" "b" {
  function_name                  = "b"
  role                           = "arn:aws:iam::123456789012:role/b"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "b.zip"
  reserved_concurrent_executions = 400
}

resource "aws_lambda_function" "c" {
  function_name                  = "c"
  role                           = "arn:aws:iam::123456789012:role/c"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "c.zip"
  reserved_concurrent_executions = var.unknown
}
