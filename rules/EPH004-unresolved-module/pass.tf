# A module from a registry that is not downloaded is unknown, not unresolved.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}
