db_password = "/app/prod/db-password" # an SSM parameter name
