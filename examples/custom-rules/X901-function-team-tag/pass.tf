variable "tags" {
  type = map(string)
}

resource "aws_lambda_function" "tagged" {
  function_name = "tagged"
  role          = "arn:aws:iam::111122223333:role/tagged"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "tagged.zip"
  tags = {
    team = "payments"
  }
}

# Tags from a variable without a value cannot be known: nothing is said about them.
resource "aws_lambda_function" "tags_from_variable" {
  function_name = "from-variable"
  role          = "arn:aws:iam::111122223333:role/from-variable"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "from-variable.zip"
  tags          = var.tags
}

resource "google_cloudfunctions_function" "labelled" {
  name    = "labelled"
  runtime = "python312"
  labels = {
    team = "media"
  }
}
