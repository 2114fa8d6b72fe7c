# An OpenAPI document rendered from a YAML template with values known only at apply time
# (the function's invoke ARN): its operations are still read.

resource "aws_lambda_function" "items" {
  function_name                  = "items"
  role                           = "arn:aws:iam::111122223333:role/items"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "items.zip"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_function" "orders" {
  function_name                  = "orders"
  role                           = "arn:aws:iam::111122223333:role/orders"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "orders.zip"
  reserved_concurrent_executions = 5
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
  body = templatefile("${path.module}/openapi.yaml", {
    items_arn  = aws_lambda_function.items.invoke_arn
    orders_arn = aws_lambda_function.orders.invoke_arn
  })
}
