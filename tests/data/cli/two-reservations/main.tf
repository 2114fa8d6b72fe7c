resource "aws_lambda_function" "a" {
  function_name                  = "a"
  reserved_concurrent_executions = 500
}

resource "aws_lambda_function" "b" {
  function_name                  = "b"
  reserved_concurrent_executions = 500
}
