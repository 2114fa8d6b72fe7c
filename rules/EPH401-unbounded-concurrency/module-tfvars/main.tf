variable "reserved" {
  type = number
}

module "worker" {
  source   = "./modules/function"
  name     = "worker"
  reserved = var.reserved
}

module "api" {
  source   = "./modules/function"
  name     = "api"
  reserved = 15
}
