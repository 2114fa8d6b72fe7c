# The function reaches only SQS, which an interface endpoint already serves: the NAT is
# paid for nothing.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::flow-logs"
}

resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.100.0/24"
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "main" { # expect: EPH501 "reaches only AWS services (sqs; known only from its role's grants)"
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main.id
  }
}

resource "aws_route_table_association" "private" {
  count          = 2
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

resource "aws_iam_role" "worker" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "worker" {
  role = aws_iam_role.worker.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage"], Resource = aws_sqs_queue.out.arn }]
  })
}

resource "aws_sqs_queue" "out" {
  name = "out"
}

resource "aws_vpc_endpoint" "sqs" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.sqs"
  vpc_endpoint_type = "Interface"
  subnet_ids        = aws_subnet.private[*].id
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = aws_iam_role.worker.arn
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "worker.zip"
  reserved_concurrent_executions = 5
  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = []
  }
  environment {
    variables = {
      QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/out"
      # An S3 URI names a bucket, not a host: its calls go to the S3 API.
      ARCHIVE_URI = "s3://worker-archive/out/"
    }
  }
}
