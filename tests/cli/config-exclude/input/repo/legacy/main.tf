resource "aws_lambda_function" "orders" {
  function_name                  = "orders"
  role                           = "arn:aws:iam::123456789012:role/orders"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "orders.zip"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_function_url" "public" {
  function_name      = aws_lambda_function.orders.function_name
  authorization_type = "NONE"
}
