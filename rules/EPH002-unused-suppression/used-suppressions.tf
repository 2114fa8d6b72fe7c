# Every comment form silences its finding and only there; none is unused (EPH002).
# ephemera:ignore EPH401 reason="serial by design"
resource "aws_lambda_function" "above" {
  function_name = "above"
  role          = "arn:aws:iam::123456789012:role/app"
  handler       = "app.handler"
  runtime       = "python3.12"
}

resource "aws_lambda_function" "checkov" {
  #checkov:skip=CKV_AWS_115:bounded by the queue
  function_name = "checkov"
  role          = "arn:aws:iam::123456789012:role/app"
  handler       = "app.handler"
  runtime       = "python3.12"
}

resource "aws_lambda_function" "counted" { // ephemera:ignore EPH401 reason="instances share one caller"
  count         = 2
  function_name = "counted-${count.index}"
  role          = "arn:aws:iam::123456789012:role/app"
  handler       = "app.handler"
  runtime       = "python3.12"
  environment {
    variables = {
      API_TOKEN = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB" # ephemera:ignore EPH301 reason="revoked test token"
    }
  }
}

resource "aws_lambda_function" "plain" { # expect: EPH401 "plain"
  function_name = "plain"
  role          = "arn:aws:iam::123456789012:role/app"
  handler       = "app.handler"
  runtime       = "python3.12"
}
