resource "aws_sqs_queue" "q" {
  name = "a-queue-with-a-long-enough-name-to-push-this-file-over-one-hundred-bytes"
}
