resource "aws_lambda_function" "legacy_python" {
  function_name = "legacy-python"
  role          = "arn:aws:iam::111122223333:role/legacy"
  handler       = "app.handler"
  runtime       = "python3.8" # expect: X902
  filename      = "legacy.zip"
}

variable "node_runtime" {
  type    = string
  default = "nodejs16.x" # expect: X902
}

resource "aws_lambda_function" "legacy_node" {
  function_name = "legacy-node"
  role          = "arn:aws:iam::111122223333:role/legacy"
  handler       = "index.handler"
  runtime       = var.node_runtime
  filename      = "legacy.zip"
}

resource "aws_lambda_function" "go" {
  function_name = "go"
  role          = "arn:aws:iam::111122223333:role/legacy"
  handler       = "main"
  runtime       = "go1.x" # expect: X902
  filename      = "go.zip"
}
