resource "aws_sqs_queue" "many" {
  count = 100000000
  name  = "q-${count.index}"
}

resource "aws_sqs_queue" "keyed" {
  for_each = toset(flatten([for i in range(200) : [for j in range(100) : "${i}-${j}"]]))
  name     = "q-${each.key}"
}
