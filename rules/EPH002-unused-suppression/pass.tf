# Other scanners' skips are theirs to keep: never reported as unused here.
# checkov:skip=CKV_AWS_115:bounded by the queue
# tfsec:ignore:aws-lambda-restrict-source-arn
locals {
  name = "api"
}
