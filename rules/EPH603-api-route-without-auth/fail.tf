variable "method_auth" {
  type    = string
  default = "NONE" # expect: EPH603 "aws_api_gateway_method.post"
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::111122223333:role/api"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5
}

resource "aws_api_gateway_rest_api" "rest" {
  name = "rest"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.rest.id
  parent_id   = aws_api_gateway_rest_api.rest.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE" # expect: EPH603 "REST API method"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.rest.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.get.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.api.invoke_arn
}

resource "aws_api_gateway_method" "post" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "POST"
  authorization = var.method_auth
}

resource "aws_api_gateway_integration" "post" {
  rest_api_id             = aws_api_gateway_rest_api.rest.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.api.invoke_arn
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "api" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.api.invoke_arn
}

resource "aws_apigatewayv2_route" "orders" { # expect: EPH603 "no authorization"
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.api.id}"
}

resource "aws_apigatewayv2_route" "things" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "GET /things"
  authorization_type = "NONE" # expect: EPH603 "HTTP API route"
  target             = "integrations/${aws_apigatewayv2_integration.api.id}"
}

# A PRIVATE REST API is reachable only through VPC interface endpoints: still no caller
# identity, reported at low severity.
resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_method" "internal" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  resource_id   = aws_api_gateway_rest_api.internal.root_resource_id
  http_method   = "GET"
  authorization = "NONE" # expect: EPH603 "PRIVATE API"
}

resource "aws_api_gateway_integration" "internal" {
  rest_api_id             = aws_api_gateway_rest_api.internal.id
  resource_id             = aws_api_gateway_rest_api.internal.root_resource_id
  http_method             = aws_api_gateway_method.internal.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.api.invoke_arn
}

# An integration URI built from a region that has no value: the function it names is still known.
variable "region" {
  type = string
}

resource "aws_apigatewayv2_integration" "partial" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.api.arn}/invocations"
}

resource "aws_apigatewayv2_route" "partial" { # expect: EPH603 "(GET /partial) reaches aws_lambda_function.api"
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /partial"
  target    = "integrations/${aws_apigatewayv2_integration.partial.id}"
}
