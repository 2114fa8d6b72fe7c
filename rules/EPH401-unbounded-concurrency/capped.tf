# EPH401 stays silent for functions fed only by capped sources, and for functions that run
# only while the code is deployed. An SQS source with no maximum concurrency is EPH402's.
locals {
  role = "arn:aws:iam::123456789012:role/fn"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = 10
  scaling_config {
    maximum_concurrency = 5
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "worker.zip"
  environment {
    variables = {
      WEBHOOK_URL = "https://hooks.partner.example/in"
    }
  }
}

resource "aws_sqs_queue" "backlog" {
  name = "backlog"
}

resource "aws_lambda_event_source_mapping" "backlog" { # expect: EPH402
  event_source_arn = aws_sqs_queue.backlog.arn
  function_name    = aws_lambda_function.drainer.arn
}

resource "aws_lambda_function" "drainer" {
  function_name = "drainer"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "drainer.zip"
}

resource "aws_kinesis_stream" "clicks" {
  name        = "clicks"
  shard_count = 4
}

resource "aws_lambda_event_source_mapping" "clicks" {
  event_source_arn       = aws_kinesis_stream.clicks.arn
  function_name          = aws_lambda_function.clicks.arn
  starting_position      = "LATEST"
  parallelization_factor = 2
}

resource "aws_lambda_function" "clicks" {
  function_name = "clicks"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "clicks.zip"
}

resource "kafka_topic" "payments" {
  name               = "payments"
  partitions         = 12
  replication_factor = 3
}

resource "aws_lambda_event_source_mapping" "payments" {
  function_name     = aws_lambda_function.payments.arn
  topics            = ["payments"]
  starting_position = "TRIM_HORIZON"
  self_managed_event_source {
    endpoints = {
      KAFKA_BOOTSTRAP_SERVERS = "kafka1.example.com:9092"
    }
  }
}

resource "aws_lambda_function" "payments" {
  function_name = "payments"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "payments.zip"
}

resource "aws_lambda_event_source_mapping" "paused" {
  event_source_arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/paused"
  function_name    = aws_lambda_function.paused.arn
  enabled          = false
}

resource "aws_lambda_function" "paused" {
  function_name = "paused"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "paused.zip"
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly"
  schedule_expression = "cron(0 3 * * ? *)"
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.nightly.arn
}

resource "aws_lambda_function" "nightly" {
  function_name = "nightly"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "nightly.zip"
}

resource "aws_lambda_invocation" "seed" {
  function_name = aws_lambda_function.seeder.function_name
  input         = jsonencode({ action = "seed" })
}

resource "aws_lambda_function" "seeder" {
  function_name = "seeder"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "seeder.zip"
}
