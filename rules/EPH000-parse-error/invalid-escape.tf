# JavaScript's \' is not an HCL escape: HCL reports it at the backslash, and so does ephemera
# (not at the start of the file, where the grammar's recovery would put it).
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sns_topic" "alerts" {
  display_name = "ops team\'s alerts"  # expect: EPH000
}
