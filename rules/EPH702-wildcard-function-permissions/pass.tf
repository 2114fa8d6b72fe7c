variable "table_arn" {
  type = string
}

resource "aws_iam_role" "exec" {
  name = "exec"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = aws_iam_role.exec.arn
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "worker.zip"
  reserved_concurrent_executions = 5
}

resource "aws_iam_role_policy" "data" {
  role = aws_iam_role.exec.id
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "dynamodb:*", Resource = var.table_arn },
      { Effect = "Allow", Action = ["s3:Get*", "s3:List*"], Resource = "*" },
      { Effect = "Deny", Action = "*", Resource = "*" },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "basic" {
  role       = aws_iam_role.exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

# A role that no function uses.
resource "aws_iam_role" "admin" {
  name                = "admin"
  assume_role_policy  = "{}"
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}
