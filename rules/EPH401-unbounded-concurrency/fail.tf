# EPH401: every inbound kind of the traffic view, with the severity each one earns.
variable "worker_env" {
  type = map(string)
}

locals {
  role = "arn:aws:iam::123456789012:role/fn"
}

# ---------------------------------------------------------------- public entry points

resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  parent_id   = aws_api_gateway_rest_api.shop.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "list" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE" # expect: EPH603
}

resource "aws_api_gateway_integration" "list" {
  rest_api_id             = aws_api_gateway_rest_api.shop.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.list.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.list.invoke_arn
}

resource "aws_lambda_function" "list" { # expect: EPH401 [high] "no authorization and no throttling"
  function_name = "list"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "list.zip"
}

# A REST API throttled for every method of its stage: medium. A limit on another method
# (`reports/GET`) would not count.
resource "aws_api_gateway_rest_api" "catalog" {
  name = "catalog"
}

resource "aws_api_gateway_method" "browse" {
  rest_api_id   = aws_api_gateway_rest_api.catalog.id
  resource_id   = aws_api_gateway_rest_api.catalog.root_resource_id
  http_method   = "GET"
  authorization = "NONE" # expect: EPH603
}

resource "aws_api_gateway_integration" "browse" {
  rest_api_id = aws_api_gateway_rest_api.catalog.id
  resource_id = aws_api_gateway_rest_api.catalog.root_resource_id
  http_method = aws_api_gateway_method.browse.http_method
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.browse.invoke_arn
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.catalog.id
  stage_name  = "live"
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_api_gateway_method_settings" "reports" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = "live"
  method_path = "reports/GET"
  settings {
    throttling_rate_limit = 5
  }
}

resource "aws_lambda_function" "browse" { # expect: EPH401 [medium] "a rate limit of 100 requests per second"
  function_name = "browse"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "browse.zip"
}

# An HTTP API route with no authorization, but a stage rate limit: medium.
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "orders" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.orders.invoke_arn
}

resource "aws_apigatewayv2_route" "orders" { # expect: EPH603
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.orders.id}"
}

resource "aws_apigatewayv2_stage" "live" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "live"
  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}

resource "aws_lambda_function" "orders" { # expect: EPH401 [medium] "a rate limit of 50 requests per second"
  function_name = "orders"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "orders.zip"
}

resource "aws_lambda_function" "public" { # expect: EPH401 [high] "function URL aws_lambda_function_url.public (authorization NONE"
  function_name = "public"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "public.zip"
}

resource "aws_lambda_function_url" "public" {
  function_name      = aws_lambda_function.public.function_name
  authorization_type = "NONE" # expect: EPH601
}

resource "aws_lambda_function" "signed" { # expect: EPH401 [medium] "authorization AWS_IAM"
  function_name = "signed"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "signed.zip"
}

resource "aws_lambda_function_url" "signed" {
  function_name      = aws_lambda_function.signed.function_name
  authorization_type = "AWS_IAM"
}

# An internet-facing load balancer forwarding to a function with no authenticate action.
resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  internal           = false
}

resource "aws_lb_target_group" "web" {
  name        = "web"
  target_type = "lambda"
}

resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_target_group_attachment" "web" {
  target_group_arn = aws_lb_target_group.web.arn
  target_id        = aws_lambda_function.web.arn
}

resource "aws_lambda_function" "web" { # expect: EPH401 [high] "load balancer target group aws_lb_target_group.web"
  function_name = "web"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "web.zip"
}

# ---------------------------------------------------------------- pushed events: medium

resource "aws_appsync_datasource" "resolver" {
  api_id = "abc"
  name   = "resolver"
  type   = "AWS_LAMBDA"
  lambda_config {
    function_arn = aws_lambda_function.resolver.arn
  }
}

resource "aws_lambda_function" "resolver" { # expect: EPH401 [medium] "AppSync data source"
  function_name = "resolver"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "resolver.zip"
}

resource "aws_api_gateway_authorizer" "tokens" {
  name           = "tokens"
  rest_api_id    = aws_api_gateway_rest_api.shop.id
  authorizer_uri = aws_lambda_function.authorizer.invoke_arn
}

resource "aws_lambda_function" "authorizer" { # expect: EPH401 [medium] "API authorizer aws_api_gateway_authorizer.tokens"
  function_name = "authorizer"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "authorizer.zip"
}

resource "aws_cloudwatch_event_rule" "orders" {
  name          = "orders"
  event_pattern = jsonencode({ source = ["shop.orders"] })
}

resource "aws_cloudwatch_event_target" "orders" {
  rule = aws_cloudwatch_event_rule.orders.name
  arn  = aws_lambda_function.on_order.arn
}

resource "aws_lambda_function" "on_order" { # expect: EPH401 [medium] "EventBridge rule"
  function_name = "on-order"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "on_order.zip"
}

resource "aws_pipes_pipe" "enrich" {
  name     = "enrich"
  role_arn = local.role
  source   = "arn:aws:sqs:eu-west-1:123456789012:in"
  target   = aws_lambda_function.piped.arn
}

resource "aws_lambda_function" "piped" { # expect: EPH401 [medium] "EventBridge pipe aws_pipes_pipe.enrich"
  function_name = "piped"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "piped.zip"
}

resource "aws_sns_topic_subscription" "alerts" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:alerts"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.alerts.arn
}

resource "aws_lambda_function" "alerts" { # expect: EPH401 [medium] "SNS subscription"
  function_name = "alerts"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "alerts.zip"
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = "uploads"
  lambda_function {
    lambda_function_arn = aws_lambda_function.thumbs.arn
    events              = ["s3:ObjectCreated:*"]
  }
}

resource "aws_lambda_function" "thumbs" { # expect: EPH401 [medium] "S3 notification"
  function_name = "thumbs"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "thumbs.zip"
}

resource "aws_iot_topic_rule" "telemetry" {
  name        = "telemetry"
  enabled     = true
  sql         = "SELECT * FROM 'devices/+/telemetry'"
  sql_version = "2016-03-23"
  lambda {
    function_arn = aws_lambda_function.telemetry.arn
  }
}

resource "aws_lambda_function" "telemetry" { # expect: EPH401 [medium] "IoT rule"
  function_name = "telemetry"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "telemetry.zip"
}

resource "aws_cognito_user_pool" "users" {
  name = "users"
  lambda_config {
    pre_sign_up = aws_lambda_function.signup.arn
  }
}

resource "aws_lambda_function" "signup" { # expect: EPH401 [medium] "Cognito trigger"
  function_name = "signup"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "signup.zip"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    lambda_function_association {
      event_type = "viewer-request"
      lambda_arn = aws_lambda_function.edge.qualified_arn
    }
  }
}

resource "aws_lambda_function" "edge" { # expect: EPH401 [medium] "Lambda@Edge"
  function_name = "edge"
  role          = local.role
  handler       = "app.handler"
  runtime       = "nodejs20.x"
  filename      = "edge.zip"
  publish       = true
}

resource "aws_sfn_state_machine" "flow" {
  name     = "flow"
  role_arn = local.role
  definition = jsonencode({
    StartAt = "Step"
    States = {
      Step = { Type = "Task", Resource = aws_lambda_function.step.arn, End = true }
    }
  })
}

resource "aws_lambda_function" "step" { # expect: EPH401 [medium] "Step Functions state machine aws_sfn_state_machine.flow"
  function_name = "step"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "step.zip"
}

# ---------------------------------------------------------------- polled sources without a known cap: medium

resource "aws_kinesis_stream" "clicks" {
  name = "clicks"
  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

resource "aws_lambda_event_source_mapping" "clicks" {
  event_source_arn  = aws_kinesis_stream.clicks.arn
  function_name     = aws_lambda_function.clicks.arn
  starting_position = "LATEST"
}

resource "aws_lambda_function" "clicks" { # expect: EPH401 [medium] "Kinesis stream aws_kinesis_stream.clicks (its shard count is not known"
  function_name = "clicks"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "clicks.zip"
}

resource "aws_dynamodb_table" "orders" {
  name             = "orders"
  hash_key         = "id"
  billing_mode     = "PAY_PER_REQUEST"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_lambda_event_source_mapping" "changes" {
  event_source_arn  = aws_dynamodb_table.orders.stream_arn
  function_name     = aws_lambda_function.changes.arn
  starting_position = "LATEST"
}

resource "aws_lambda_function" "changes" { # expect: EPH401 [medium] "DynamoDB stream"
  function_name = "changes"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "changes.zip"
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.5.1"
  number_of_broker_nodes = 3
}

resource "aws_lambda_event_source_mapping" "kafka" {
  event_source_arn  = aws_msk_cluster.events.arn
  function_name     = aws_lambda_function.kafka.arn
  topics            = ["payments"]
  starting_position = "LATEST"
}

resource "aws_lambda_function" "kafka" { # expect: EPH401 [medium] "Kafka topic aws_msk_cluster.events (its topics' partition counts are not in the code)"
  function_name = "kafka"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "kafka.zip"
}

# ---------------------------------------------------------------- bursts that meet a finite downstream: high

resource "aws_sns_topic_subscription" "hooks" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:hooks"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.notifier.arn
}

resource "aws_lambda_function" "notifier" { # expect: EPH401 [high] "can burst into hooks.partner.example"
  function_name = "notifier"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "notifier.zip"
  environment {
    variables = {
      WEBHOOK_URL = "https://hooks.partner.example/in"
    }
  }
}

resource "aws_db_instance" "ledger" {
  identifier     = "ledger"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}

resource "aws_cloudwatch_event_rule" "ledger" {
  name          = "ledger"
  event_pattern = jsonencode({ source = ["shop.payments"] })
}

resource "aws_cloudwatch_event_target" "ledger" {
  rule = aws_cloudwatch_event_rule.ledger.name
  arn  = aws_lambda_function.ledger.arn
}

resource "aws_lambda_function" "ledger" { # expect: EPH401 [high] "can burst into the RDS database it uses (environment variable DB_HOST refers to aws_db_instance.ledger)"
  function_name = "ledger"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "ledger.zip"
  environment {
    variables = {
      DB_HOST = aws_db_instance.ledger.address
    }
  }
}

# ---------------------------------------------------------------- nothing in the code invokes it: low

resource "aws_lambda_function" "orphan" { # expect: EPH401 [low] "no trigger in this code"
  function_name = "orphan"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "orphan.zip"
}

resource "aws_lambda_function" "opaque" { # expect: EPH401 [low] "no trigger in this code"
  function_name = "opaque"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "opaque.zip"
  environment {
    variables = var.worker_env
  }
}

resource "aws_lambda_function" "unreserved" {
  function_name                  = "unreserved"
  role                           = local.role
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "unreserved.zip"
  reserved_concurrent_executions = -1 # expect: EPH401 [low] "removes it"
}
