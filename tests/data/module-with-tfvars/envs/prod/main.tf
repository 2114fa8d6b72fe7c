variable "db_password" {
  type = string
}

module "api" {
  source   = "../../modules/function"
  password = var.db_password
}
