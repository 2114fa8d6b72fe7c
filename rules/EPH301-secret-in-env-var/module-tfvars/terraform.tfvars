# tfvars are code in the repository: the literal is reported here, naming the function in the child module.
db_password = "Zq8vN2pL5wXr-tfvars" # expect: EPH301 "module.api.aws_lambda_function.this"
table       = "orders-prod"
