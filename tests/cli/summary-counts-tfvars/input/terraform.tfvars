db_password = "hunter2-prod-7f3a"
