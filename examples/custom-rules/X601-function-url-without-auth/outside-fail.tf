# URLs of functions that the scanned code does not declare: named as the URL writes them.

resource "aws_lambda_function_url" "by_name" {
  function_name      = "orders-prod"
  authorization_type = "NONE" # expect: X601
}

resource "aws_lambda_function_url" "by_arn" {
  function_name      = "arn:aws:lambda:eu-west-1:111122223333:function:billing"
  authorization_type = "NONE" # expect: X601
}

variable "function_name" {
  type = string
}

resource "aws_lambda_function_url" "from_variable" {
  function_name      = var.function_name
  authorization_type = "NONE" # expect: X601
}

data "aws_lambda_function" "legacy" {
  function_name = "legacy"
}

resource "aws_lambda_function_url" "from_data_source" {
  function_name      = data.aws_lambda_function.legacy.function_name
  authorization_type = "NONE" # expect: X601
}

# A reference to a function this code does not declare (a snippet, a file scanned alone).
resource "aws_lambda_function_url" "dangling" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE" # expect: X601
}
