resource "aws_sqs_queue" "many" {
  count = 100000000 # expect: EPH001
  name  = "q-${count.index}"
}
