# A configured secret name is flagged; an allowed value is not.
resource "aws_lambda_function" "a" {
  function_name = "a"
  reserved_concurrent_executions = 5
  environment {
    variables = {
      APP_ENCRYPTION_KEY = "Zq8vN2pL5wXrT4yU"
      DB_PASSWORD = "local-test-pw-1"
    }
  }
}
