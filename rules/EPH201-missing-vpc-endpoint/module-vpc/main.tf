# A root module in several files with a local child module that builds the network: the
# function's subnets arrive through a module output, the NAT gateway lives in the module.
module "network" {
  source = "./network"
  cidr   = "10.0.0.0/16"
}

resource "aws_lambda_function" "thumbnails" {
  function_name                  = "thumbnails"
  role                           = aws_iam_role.thumbnails.arn
  handler                        = "app.handler"
  runtime                        = "python3.12"
  filename                       = "thumbnails.zip"
  reserved_concurrent_executions = 5
  # expect: EPH201 "uses s3, but VPC module.network.aws_vpc.this has no s3 endpoint"
  vpc_config {
    subnet_ids         = module.network.private_subnet_ids
    security_group_ids = []
  }
}
