resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "worker.zip"
}

resource "aws_lambda_event_source_mapping" "jobs" { # expect: EPH402 "aws_lambda_function.worker"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "by_literal_arn" { # expect: EPH402
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:legacy"
  function_name    = "worker"
}
