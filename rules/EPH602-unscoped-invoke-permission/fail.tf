variable "caller" {
  type    = string
  default = "events.amazonaws.com" # expect: EPH602 "aws_lambda_permission.events"
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = "arn:aws:iam::111122223333:role/worker"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "worker.zip"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_permission" "anyone" {
  statement_id  = "anyone"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.worker.function_name
  principal     = "*" # expect: EPH602 "any principal"
}

resource "aws_lambda_permission" "s3" {
  statement_id  = "s3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.worker.arn
  principal     = "s3.amazonaws.com" # expect: EPH602 "s3.amazonaws.com"
}

resource "aws_lambda_permission" "events" {
  statement_id  = "events"
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  principal     = var.caller
}
