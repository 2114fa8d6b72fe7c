# An authorized $connect covers every route of the API.

resource "aws_lambda_function" "message" {
  function_name                  = "message"
  role                           = "arn:aws:iam::111122223333:role/ws"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "ws.zip"
  reserved_concurrent_executions = 5
}

resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_authorizer" "token" {
  api_id          = aws_apigatewayv2_api.chat.id
  authorizer_type = "REQUEST"
  authorizer_uri  = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:auth/invocations"
  identity_sources = ["route.request.querystring.token"]
  name            = "token"
}

resource "aws_apigatewayv2_integration" "message" {
  api_id           = aws_apigatewayv2_api.chat.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.message.invoke_arn
}

resource "aws_apigatewayv2_route" "connect" {
  api_id             = aws_apigatewayv2_api.chat.id
  route_key          = "$connect"
  authorization_type = "CUSTOM"
  authorizer_id      = aws_apigatewayv2_authorizer.token.id
  target             = "integrations/${aws_apigatewayv2_integration.message.id}"
}

resource "aws_apigatewayv2_route" "message" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "sendmessage"
  target    = "integrations/${aws_apigatewayv2_integration.message.id}"
}

resource "aws_apigatewayv2_route" "keyed_default" {
  api_id    = aws_apigatewayv2_api.keyed.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.keyed.id}"
}

# An API key on $connect: connections need a key.
resource "aws_apigatewayv2_api" "keyed" {
  name                         = "keyed"
  protocol_type                = "WEBSOCKET"
  route_selection_expression   = "$request.body.action"
  api_key_selection_expression = "$request.header.x-api-key"
}

resource "aws_apigatewayv2_integration" "keyed" {
  api_id           = aws_apigatewayv2_api.keyed.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.message.invoke_arn
}

resource "aws_apigatewayv2_route" "keyed_connect" {
  api_id           = aws_apigatewayv2_api.keyed.id
  route_key        = "$connect"
  api_key_required = true
}

# A route of an API declared elsewhere: its connection's authorization is unknown.
variable "api_id" {
  type = string
}

resource "aws_apigatewayv2_integration" "elsewhere" {
  api_id           = var.api_id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.message.invoke_arn
}

resource "aws_apigatewayv2_route" "elsewhere" {
  api_id    = var.api_id
  route_key = "sendmessage"
  target    = "integrations/${aws_apigatewayv2_integration.elsewhere.id}"
}
