# Endpoints present and associated with every route table of the function's subnets
# (for_each subnets); a function outside any VPC; a function whose subnets come from a
# variable without a value (unknown: silent).
variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "existing_subnet_ids" {
  type = list(string)
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs"
}

locals {
  zones = { a = "10.0.1.0/24", b = "10.0.2.0/24" }
}

resource "aws_subnet" "private" {
  for_each   = local.zones
  vpc_id     = aws_vpc.main.id
  cidr_block = each.value
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "private" {
  for_each       = aws_subnet.private
  subnet_id      = each.value.id
  route_table_id = aws_route_table.private.id
}

resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.${var.region}.dynamodb"
}

resource "aws_vpc_endpoint_route_table_association" "dynamodb" {
  vpc_endpoint_id = aws_vpc_endpoint.dynamodb.id
  route_table_id  = aws_route_table.private.id
}

resource "aws_vpc_endpoint" "sqs" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.sqs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [for s in aws_subnet.private : s.id]
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_sqs_queue" "events" {
  name = "events"
}

resource "aws_iam_role" "api" {
  name                = "api"
  assume_role_policy  = "{}"
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = aws_iam_role.api.arn
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5
  environment {
    variables = {
      TABLE     = aws_dynamodb_table.orders.name
      QUEUE_URL = aws_sqs_queue.events.url
    }
  }
  vpc_config {
    subnet_ids         = [for s in aws_subnet.private : s.id]
    security_group_ids = []
  }
}

resource "aws_lambda_function" "outside" {
  function_name                  = "outside"
  role                           = aws_iam_role.api.arn
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5
  environment {
    variables = { QUEUE_URL = aws_sqs_queue.events.url }
  }
}

resource "aws_lambda_function" "external_subnets" {
  function_name                  = "external"
  role                           = aws_iam_role.api.arn
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "api.zip"
  reserved_concurrent_executions = 5
  environment {
    variables = { QUEUE_URL = aws_sqs_queue.events.url }
  }
  vpc_config {
    subnet_ids         = var.existing_subnet_ids
    security_group_ids = []
  }
}
