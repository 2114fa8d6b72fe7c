variable "name" {
  type = string
}

variable "reserved" {
  type    = number
  default = 5
}

resource "aws_lambda_function" "this" {
  function_name                  = var.name
  role                           = "arn:aws:iam::123456789012:role/${var.name}"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "app.zip"
  reserved_concurrent_executions = var.reserved
}
