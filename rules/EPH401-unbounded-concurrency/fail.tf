variable "worker_env" {
  type = map(string)
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "worker" { # expect: EPH401 "queue"
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "worker.zip"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn    = aws_sqs_queue.jobs.arn
  function_name       = aws_lambda_function.worker.arn
  scaling_config {
    maximum_concurrency = 10
  }
}

resource "aws_lambda_function" "nightly" { # expect: EPH401 "reaches only AWS services"
  function_name = "nightly"
  role          = "arn:aws:iam::123456789012:role/nightly"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "nightly.zip"
  environment {
    variables = {
      TABLE = "orders"
    }
  }
}

resource "aws_lambda_function" "unreserved" {
  function_name                  = "unreserved"
  role                           = "arn:aws:iam::123456789012:role/unreserved"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "unreserved.zip"
  reserved_concurrent_executions = -1 # expect: EPH401 "removes it"
}

resource "aws_lambda_function" "notifier" { # expect: EPH401 "hooks.partner.example"
  function_name = "notifier"
  role          = "arn:aws:iam::123456789012:role/notifier"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "notifier.zip"
  environment {
    variables = {
      WEBHOOK_URL = "https://hooks.partner.example/in"
    }
  }
}

resource "aws_lambda_function" "opaque" { # expect: EPH401 "environment is not known"
  function_name = "opaque"
  role          = "arn:aws:iam::123456789012:role/opaque"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "opaque.zip"
  environment {
    variables = var.worker_env
  }
}

resource "aws_lambda_function" "public" { # expect: EPH401 "authenticated function URL"
  function_name = "public"
  role          = "arn:aws:iam::123456789012:role/public"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "public.zip"
}

resource "aws_lambda_function_url" "public" {
  function_name      = aws_lambda_function.public.function_name
  authorization_type = "AWS_IAM"
}
