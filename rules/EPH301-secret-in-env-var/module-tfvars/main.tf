module "api" {
  source   = "./modules/function"
  name     = "api"
  password = var.db_password
  api_key  = "4f9c2e7a1b8d3f6e0a5c9b2d" # expect: EPH301 "API_KEY"
  table    = var.table
}
