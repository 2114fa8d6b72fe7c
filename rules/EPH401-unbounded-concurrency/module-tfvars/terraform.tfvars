reserved = -1 # expect: EPH401 "module.worker.aws_lambda_function.this"
