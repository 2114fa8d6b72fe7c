# Routes without authorization whose callers are limited otherwise: reported at low
# severity, saying by what (a network or a certificate stands in for an identity).

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::111122223333:role/api"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5
}

# A resource policy that refuses every call from outside one VPC endpoint.
resource "aws_api_gateway_rest_api" "vpce" {
  name = "vpce"
}

resource "aws_api_gateway_rest_api_policy" "vpce" {
  rest_api_id = aws_api_gateway_rest_api.vpce.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*" },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "${aws_api_gateway_rest_api.vpce.execution_arn}/*"
        Condition = { StringNotEquals = { "aws:SourceVpce" = "vpce-0123456789abcdef0" } }
      },
    ]
  })
}

resource "aws_api_gateway_method" "vpce" {
  rest_api_id   = aws_api_gateway_rest_api.vpce.id
  resource_id   = aws_api_gateway_rest_api.vpce.root_resource_id
  http_method   = "GET"
  authorization = "NONE" # expect: EPH603 "only callers from VPC endpoint vpce-0123456789abcdef0 can invoke it"
}

resource "aws_api_gateway_integration" "vpce" {
  rest_api_id             = aws_api_gateway_rest_api.vpce.id
  resource_id             = aws_api_gateway_rest_api.vpce.root_resource_id
  http_method             = aws_api_gateway_method.vpce.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.api.invoke_arn
}

# A resource policy whose only Allow requires one VPC: what it does not allow is refused.
resource "aws_api_gateway_rest_api" "vpc" {
  name = "vpc"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "*"
      Condition = { StringEquals = { "aws:SourceVpc" = "vpc-0abc" } }
    }]
  })
}

resource "aws_api_gateway_method" "vpc" {
  rest_api_id   = aws_api_gateway_rest_api.vpc.id
  resource_id   = aws_api_gateway_rest_api.vpc.root_resource_id
  http_method   = "GET"
  authorization = "NONE" # expect: EPH603 "only callers from VPC vpc-0abc can invoke it (the resource policy in aws_api_gateway_rest_api.vpc refuses the others)"
}

resource "aws_api_gateway_integration" "vpc" {
  rest_api_id             = aws_api_gateway_rest_api.vpc.id
  resource_id             = aws_api_gateway_rest_api.vpc.root_resource_id
  http_method             = aws_api_gateway_method.vpc.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.api.invoke_arn
}

# Mutual TLS on the only custom domain, and the default endpoint disabled.
resource "aws_apigatewayv2_api" "mtls" {
  name                         = "mtls"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = true
}

resource "aws_apigatewayv2_domain_name" "mtls" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
  mutual_tls_authentication {
    truststore_uri = "s3://truststore/ca.pem"
  }
}

resource "aws_apigatewayv2_api_mapping" "mtls" {
  api_id      = aws_apigatewayv2_api.mtls.id
  domain_name = aws_apigatewayv2_domain_name.mtls.id
  stage       = "$default"
}

resource "aws_apigatewayv2_integration" "mtls" {
  api_id           = aws_apigatewayv2_api.mtls.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.api.invoke_arn
}

resource "aws_apigatewayv2_route" "mtls" { # expect: EPH603 "client certificate that custom domain aws_apigatewayv2_domain_name.mtls trusts"
  api_id    = aws_apigatewayv2_api.mtls.id
  route_key = "GET /mtls"
  target    = "integrations/${aws_apigatewayv2_integration.mtls.id}"
}

# Mutual TLS, but the default endpoint still answers anyone: not limited.
resource "aws_apigatewayv2_api" "both" {
  name          = "both"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_api_mapping" "both" {
  api_id      = aws_apigatewayv2_api.both.id
  domain_name = aws_apigatewayv2_domain_name.mtls.id
  stage       = "$default"
}

resource "aws_apigatewayv2_integration" "both" {
  api_id           = aws_apigatewayv2_api.both.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.api.invoke_arn
}

resource "aws_apigatewayv2_route" "both" { # expect: EPH603 "anyone can invoke it"
  api_id    = aws_apigatewayv2_api.both.id
  route_key = "GET /both"
  target    = "integrations/${aws_apigatewayv2_integration.both.id}"
}

# A resource policy that only refuses some addresses limits nothing.
resource "aws_api_gateway_rest_api" "denylist" {
  name = "denylist"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*" },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { StringEquals = { "aws:SourceVpc" = "vpc-0bad" } }
      },
    ]
  })
}

resource "aws_api_gateway_method" "denylist" {
  rest_api_id   = aws_api_gateway_rest_api.denylist.id
  resource_id   = aws_api_gateway_rest_api.denylist.root_resource_id
  http_method   = "GET"
  authorization = "NONE" # expect: EPH603 "anyone can invoke it"
}

resource "aws_api_gateway_integration" "denylist" {
  rest_api_id             = aws_api_gateway_rest_api.denylist.id
  resource_id             = aws_api_gateway_rest_api.denylist.root_resource_id
  http_method             = aws_api_gateway_method.denylist.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.api.invoke_arn
}

# An API imported from an OpenAPI document whose `x-amazon-apigateway-policy` admits only
# one VPC endpoint.
resource "aws_api_gateway_rest_api" "imported" {
  name = "imported"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "imported", version = "1" }
    "x-amazon-apigateway-policy" = {
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0fedcba9876543210" } }
      }]
    }
    paths = {
      "/orders" = {
        get = { # expect: EPH603 "only callers from VPC endpoint vpce-0fedcba9876543210 can invoke it"
          "x-amazon-apigateway-integration" = {
            type       = "aws_proxy"
            httpMethod = "POST"
            uri        = aws_lambda_function.api.invoke_arn
          }
        }
      }
    }
  })
}
