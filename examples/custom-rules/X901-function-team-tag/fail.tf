resource "aws_lambda_function" "untagged" { # expect: X901
  function_name = "untagged"
  role          = "arn:aws:iam::111122223333:role/untagged"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "untagged.zip"
}

resource "aws_lambda_function" "owner_only" { # expect: X901
  function_name = "owner-only"
  role          = "arn:aws:iam::111122223333:role/owner-only"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "owner-only.zip"
  tags = {
    owner = "alice"
  }
}

resource "google_cloudfunctions_function" "resize" { # expect: X901
  name    = "resize"
  runtime = "python312"
  labels = {
    env = "prod"
  }
}
