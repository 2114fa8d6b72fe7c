resource "aws_sqs_queue" "few" {
  count = 3
  name  = "q-${count.index}"
}
