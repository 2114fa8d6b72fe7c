resource "aws_vpc" "main" { # expect: EPH701 "aws_lambda_function.worker"
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  for_each   = { a = "10.0.1.0/24", b = "10.0.2.0/24" }
  vpc_id     = aws_vpc.main.id
  cidr_block = each.value
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = "arn:aws:iam::123456789012:role/worker"
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "worker.zip"
  reserved_concurrent_executions = 5
  vpc_config {
    subnet_ids         = [for s in aws_subnet.private : s.id]
    security_group_ids = []
  }
}
