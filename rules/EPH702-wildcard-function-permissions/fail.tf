variable "extra_policy_arn" {
  type    = string
  default = "arn:aws:iam::aws:policy/AdministratorAccess" # expect: EPH702 "AdministratorAccess"
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
      { # expect: EPH702 "dynamodb:*"
        Effect   = "Allow"
        Action   = "dynamodb:*"
        Resource = "*"
      },
    ]
  })
}

data "aws_iam_policy_document" "all" {
  statement { # expect: EPH702 "aws_iam_policy.all"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "all" {
  name   = "all"
  policy = data.aws_iam_policy_document.all.json
}

resource "aws_iam_role_policy_attachment" "all" {
  role       = aws_iam_role.exec.name
  policy_arn = aws_iam_policy.all.arn
}

resource "aws_iam_role_policy_attachment" "extra" {
  role       = "exec"
  policy_arn = var.extra_policy_arn
}
