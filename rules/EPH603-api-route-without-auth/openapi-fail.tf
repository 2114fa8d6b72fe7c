# Operations of inline OpenAPI documents (`body`) that reach a function with no security.

resource "aws_lambda_function" "items" {
  function_name                  = "items"
  role                           = "arn:aws:iam::111122223333:role/items"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "items.zip"
  reserved_concurrent_executions = 5
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "api", version = "1" }
    paths = {
      "/items" = {
        get = { # expect: EPH603 "OpenAPI operation aws_api_gateway_rest_api.api (GET /items)"
          "x-amazon-apigateway-integration" = {
            type       = "aws_proxy"
            httpMethod = "POST"
            uri        = aws_lambda_function.items.invoke_arn
          }
        }
        options = {
          "x-amazon-apigateway-integration" = {
            type       = "aws_proxy"
            httpMethod = "POST"
            uri        = aws_lambda_function.items.invoke_arn
          }
        }
      }
    }
  })
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "http", version = "1" }
    paths = {
      "/things" = {
        post = {
          security = [] # expect: EPH603 "POST /things"
          "x-amazon-apigateway-integration" = {
            type                 = "aws_proxy"
            payloadFormatVersion = "2.0"
            uri                  = aws_lambda_function.items.arn
          }
        }
      }
    }
  })
}
