# Managed policies that do not grant a whole service: read-only ones, narrow ones, and
# customer managed policies whatever their name.

resource "aws_iam_role" "exec" {
  name = "exec"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
    "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
  ]
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = aws_iam_role.exec.arn
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "worker.zip"
  reserved_concurrent_executions = 5
}

resource "aws_iam_role_policy_attachment" "custom" {
  role       = aws_iam_role.exec.name
  policy_arn = "arn:aws:iam::111122223333:policy/OrdersFullAccess"
}

variable "prefix" {
  type = string
}

# Only the ending is known: it could be any account's policy.
resource "aws_iam_role_policy_attachment" "prefixed" {
  role       = aws_iam_role.exec.name
  policy_arn = "${var.prefix}AdministratorAccess"
}
