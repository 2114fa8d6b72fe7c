terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

locals {
  name = "orders-${var.environment}"
  azs  = ["${var.region}a", "${var.region}b"]
}
