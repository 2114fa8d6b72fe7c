variable "db_password" {
  type = string
}

variable "table" {
  type    = string
  default = "orders"
}
