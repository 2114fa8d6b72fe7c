variable "max_concurrency" {
  type = number
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_kinesis_stream" "clicks" {
  name        = "clicks"
  shard_count = 2
}

resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  role                           = "arn:aws:iam::123456789012:role/reserved"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "reserved.zip"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_event_source_mapping" "reserved" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.reserved.arn
}

resource "aws_lambda_function" "capped" {
  function_name = "capped"
  role          = "arn:aws:iam::123456789012:role/capped"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "capped.zip"
}

resource "aws_lambda_event_source_mapping" "capped" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.capped.arn
  scaling_config {
    maximum_concurrency = 5
  }
}

resource "aws_lambda_event_source_mapping" "unknown_cap" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.capped.arn
  scaling_config {
    maximum_concurrency = var.max_concurrency
  }
}

# Streams are bounded by their shards.
resource "aws_lambda_event_source_mapping" "stream" {
  event_source_arn  = aws_kinesis_stream.clicks.arn
  function_name     = aws_lambda_function.capped.arn
  starting_position = "LATEST"
}
