# AWS managed policies that grant everything, or everything on one service, attached to a
# function's role in every way Terraform can.

data "aws_partition" "current" {}

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
    "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonS3FullAccess", # expect: EPH702 "AmazonS3FullAccess, which grants full access to S3"
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

resource "aws_iam_role_policy_attachment" "dynamodb" {
  role       = aws_iam_role.exec.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" # expect: EPH702 "full access to DynamoDB"
}

resource "aws_iam_policy_attachment" "lambda" {
  name       = "lambda"
  roles      = [aws_iam_role.exec.name]
  policy_arn = "arn:aws:iam::aws:policy/AWSLambda_FullAccess" # expect: EPH702 "AWSLambda_FullAccess, which grants full access to Lambda"
}

data "aws_iam_policy" "power" {
  name = "PowerUserAccess" # expect: EPH702 "every action of every service except IAM"
}

resource "aws_iam_role_policy_attachment" "power" {
  role       = aws_iam_role.exec.name
  policy_arn = data.aws_iam_policy.power.arn
}

resource "aws_iam_role_policy" "everything" {
  role = aws_iam_role.exec.id
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "*", Resource = "*" }, # expect: EPH702 "grants every action of every service ("
    ]
  })
}
