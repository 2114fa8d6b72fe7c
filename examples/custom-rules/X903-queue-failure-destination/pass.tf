variable "queue_arn" {
  type = string
}

resource "aws_sqs_queue" "dead_letters" {
  name = "dead-letters"
}

# A dead-letter queue on the queue itself.
resource "aws_sqs_queue" "orders" {
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letters.arn
    maxReceiveCount     = 5
  })
}

# A dead-letter queue in a standalone redrive policy.
resource "aws_sqs_queue" "emails" {
  name = "emails"
}

resource "aws_sqs_queue_redrive_policy" "emails" {
  queue_url = aws_sqs_queue.emails.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letters.arn
    maxReceiveCount     = 3
  })
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::111122223333:role/worker"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "worker.zip"
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "emails" {
  event_source_arn = aws_sqs_queue.emails.arn
  function_name    = aws_lambda_function.worker.arn
}

# A queue declared elsewhere: its redrive policy cannot be seen, so nothing is said.
resource "aws_lambda_function" "external" {
  function_name = "external"
  role          = "arn:aws:iam::111122223333:role/external"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "external.zip"
}

resource "aws_lambda_event_source_mapping" "external" {
  event_source_arn = var.queue_arn
  function_name    = aws_lambda_function.external.arn
}
