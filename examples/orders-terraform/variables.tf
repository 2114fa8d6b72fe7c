variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "office_cidr" {
  description = "Where the back office connects from."
  type        = string
  default     = "203.0.113.0/24"
}

variable "db_password" {
  type      = string
  sensitive = true
}
