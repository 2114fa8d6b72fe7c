variable "admin_cidrs" {
  type = list(string)
}

module "firewall" {
  source      = "./firewall"
  admin_cidrs = var.admin_cidrs
}
