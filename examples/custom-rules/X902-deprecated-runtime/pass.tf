variable "runtime" {
  type = string
}

resource "aws_lambda_function" "current" {
  function_name = "current"
  role          = "arn:aws:iam::111122223333:role/current"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "current.zip"
}

resource "aws_lambda_function" "custom_runtime" {
  function_name = "custom"
  role          = "arn:aws:iam::111122223333:role/current"
  handler       = "bootstrap"
  runtime       = "provided.al2023"
  filename      = "custom.zip"
}

# A container image has no runtime; a runtime from a variable without a value is unknown.
resource "aws_lambda_function" "image" {
  function_name = "image"
  role          = "arn:aws:iam::111122223333:role/current"
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1"
}

resource "aws_lambda_function" "from_variable" {
  function_name = "from-variable"
  role          = "arn:aws:iam::111122223333:role/current"
  handler       = "app.handler"
  runtime       = var.runtime
  filename      = "app.zip"
}
