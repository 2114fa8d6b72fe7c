environment = "prod"
db_password = "Pr0d-orders-2024!x"
