module "network" {
  source = "./modules/netwrok" # expect: EPH004
}

# The rest of the unit is still analysed: this literal secret is found; the module's unknown
# output never produces a finding.
resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::123456789012:role/api"
  reserved_concurrent_executions = 10
  vpc_config {
    subnet_ids         = module.network.private_subnet_ids
    security_group_ids = [module.network.lambda_sg_id]
  }
  environment {
    variables = {
      DB_PASSWORD = "hunter2-prod-7f3a9c" # expect: EPH301
    }
  }
}
