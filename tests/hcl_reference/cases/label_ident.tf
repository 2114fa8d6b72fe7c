resource aws_s3 "b" {}
