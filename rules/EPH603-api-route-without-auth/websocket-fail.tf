# WebSocket APIs authorize the connection: only $connect takes an authorizer, and every
# other route is reached over a connection it admitted. One finding per API, at $connect.

resource "aws_lambda_function" "connect" {
  function_name                  = "connect"
  role                           = "arn:aws:iam::111122223333:role/ws"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "ws.zip"
  reserved_concurrent_executions = 5
}

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

resource "aws_apigatewayv2_integration" "connect" {
  api_id           = aws_apigatewayv2_api.chat.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.connect.invoke_arn
}

resource "aws_apigatewayv2_integration" "message" {
  api_id           = aws_apigatewayv2_api.chat.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.message.invoke_arn
}

resource "aws_apigatewayv2_route" "connect" {
  api_id             = aws_apigatewayv2_api.chat.id
  route_key          = "$connect"
  authorization_type = "NONE" # expect: EPH603 "aws_lambda_function.connect (route $connect), aws_lambda_function.message (route sendmessage)"
  target             = "integrations/${aws_apigatewayv2_integration.connect.id}"
}

resource "aws_apigatewayv2_route" "message" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "sendmessage"
  target    = "integrations/${aws_apigatewayv2_integration.message.id}"
}

# No $connect route: connections need nothing at all.
resource "aws_apigatewayv2_api" "feed" { # expect: EPH603 "no $connect route"
  name                       = "feed"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_integration" "feed" {
  api_id           = aws_apigatewayv2_api.feed.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.message.invoke_arn
}

resource "aws_apigatewayv2_route" "feed" {
  api_id    = aws_apigatewayv2_api.feed.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.feed.id}"
}

# A $connect route that reaches no function still admits connections for the others.
resource "aws_apigatewayv2_api" "mocked" {
  name                       = "mocked"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "mocked_connect" { # expect: EPH603 "its $connect route aws_apigatewayv2_route.mocked_connect has no authorization"
  api_id    = aws_apigatewayv2_api.mocked.id
  route_key = "$connect"
}

resource "aws_apigatewayv2_integration" "mocked" {
  api_id           = aws_apigatewayv2_api.mocked.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.message.invoke_arn
}

resource "aws_apigatewayv2_route" "mocked_message" {
  api_id    = aws_apigatewayv2_api.mocked.id
  route_key = "sendmessage"
  target    = "integrations/${aws_apigatewayv2_integration.mocked.id}"
}
