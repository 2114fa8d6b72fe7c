locals {
  functions = {
    a = 300
    b = 250
  }
}

resource "aws_lambda_function" "big" {
  function_name                  = "big"
  role                           = "arn:aws:iam::123456789012:role/big"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "big.zip"
  reserved_concurrent_executions = 400 # expect: EPH404 "1350"
}

resource "aws_lambda_function" "many" {
  for_each                       = local.functions
  function_name                  = each.key
  role                           = "arn:aws:iam::123456789012:role/many"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "many.zip"
  reserved_concurrent_executions = each.value
}

resource "aws_lambda_function" "medium" {
  function_name                  = "medium"
  role                           = "arn:aws:iam::123456789012:role/medium"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "medium.zip"
  reserved_concurrent_executions = 400
}

resource "aws_lambda_function" "paused" {
  function_name                  = "paused"
  role                           = "arn:aws:iam::123456789012:role/paused"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "paused.zip"
  reserved_concurrent_executions = 0 # expect: EPH404 "never run"
}
