# Operations of inline OpenAPI documents that are secured.

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
    openapi  = "3.0.1"
    info     = { title = "api", version = "1" }
    security = [{ sigv4 = [] }]
    paths = {
      "/items" = {
        get = {
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
          security = [{ jwt = ["orders:write"] }]
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

# A security requirement that cannot be known is not judged.
variable "security" {
  type = list(map(list(string)))
}

resource "aws_api_gateway_rest_api" "unknown" {
  name = "unknown"
  body = jsonencode({
    openapi  = "3.0.1"
    info     = { title = "unknown", version = "1" }
    security = var.security
    paths = {
      "/items" = {
        get = {
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
