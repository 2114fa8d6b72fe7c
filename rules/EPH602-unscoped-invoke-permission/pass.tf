variable "caller" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = "arn:aws:iam::111122223333:role/worker"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "worker.zip"
  reserved_concurrent_executions = 5
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_lambda_permission" "s3" {
  statement_id  = "s3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.worker.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.uploads.arn
}

resource "aws_lambda_permission" "sns" {
  statement_id   = "sns"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.worker.function_name
  principal      = "sns.amazonaws.com"
  source_account = "111122223333"
}

resource "aws_lambda_permission" "org" {
  statement_id     = "org"
  action           = "lambda:InvokeFunction"
  function_name    = aws_lambda_function.worker.function_name
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}

resource "aws_lambda_permission" "partner" {
  statement_id  = "partner"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.worker.function_name
  principal     = "444455556666"
}

resource "aws_lambda_permission" "unknown" {
  statement_id  = "unknown"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.worker.function_name
  principal     = var.caller
}
