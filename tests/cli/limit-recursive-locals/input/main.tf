locals {
  a = local.b
  b = local.a
}
resource "aws_sqs_queue" "q" {
  name = local.a
}
