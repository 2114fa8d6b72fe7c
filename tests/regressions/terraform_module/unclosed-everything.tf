resource "aws_lambda_function" "f" {
  environment {
    variables = { A = "${join(",", [for x in var.y : "${x