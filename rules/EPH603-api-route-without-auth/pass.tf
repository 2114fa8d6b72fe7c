variable "method_auth" {
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

resource "aws_api_gateway_rest_api" "rest" {
  name = "rest"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  resource_id   = aws_api_gateway_rest_api.rest.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id = aws_api_gateway_rest_api.rest.id
  resource_id = aws_api_gateway_rest_api.rest.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.api.invoke_arn
}

resource "aws_api_gateway_method" "options" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  resource_id   = aws_api_gateway_rest_api.rest.root_resource_id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "options" {
  rest_api_id = aws_api_gateway_rest_api.rest.id
  resource_id = aws_api_gateway_rest_api.rest.root_resource_id
  http_method = aws_api_gateway_method.options.http_method
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.api.invoke_arn
}

resource "aws_api_gateway_method" "keyed" {
  rest_api_id      = aws_api_gateway_rest_api.rest.id
  resource_id      = aws_api_gateway_rest_api.rest.root_resource_id
  http_method      = "PUT"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_integration" "keyed" {
  rest_api_id = aws_api_gateway_rest_api.rest.id
  resource_id = aws_api_gateway_rest_api.rest.root_resource_id
  http_method = aws_api_gateway_method.keyed.http_method
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.api.invoke_arn
}

resource "aws_api_gateway_method" "configurable" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  resource_id   = aws_api_gateway_rest_api.rest.root_resource_id
  http_method   = "POST"
  authorization = var.method_auth
}

resource "aws_api_gateway_integration" "configurable" {
  rest_api_id = aws_api_gateway_rest_api.rest.id
  resource_id = aws_api_gateway_rest_api.rest.root_resource_id
  http_method = aws_api_gateway_method.configurable.http_method
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.api.invoke_arn
}

# A method whose integration is a mock reaches no function.
resource "aws_api_gateway_method" "mock" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  resource_id   = aws_api_gateway_rest_api.rest.root_resource_id
  http_method   = "DELETE"
  authorization = "NONE"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.http.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "jwt"
  jwt_configuration {
    audience = ["api"]
    issuer   = "https://issuer.example.com"
  }
}

resource "aws_apigatewayv2_integration" "api" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.api.invoke_arn
}

resource "aws_apigatewayv2_route" "orders" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "POST /orders"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
  target             = "integrations/${aws_apigatewayv2_integration.api.id}"
}
