module "api" {
  source   = "./modules/function"
  name     = "api"
  password = var.db_password
}
