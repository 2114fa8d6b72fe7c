module "c" {
  source = "./child"
  n = 1
}
---8<---
variable "n" {}
module "again" {
  source = "./child"
}
resource "aws_sqs_queue" "q" {
  count = var.n * 100000000
}
