# A binary .tf, a Latin-1 .tf beside a good one, a Latin-1 template.
printf 'resource "aws_sqs_queue" "q" {\n  name = "a\000b"\n}\n' > binary.tf
mkdir -p latin1
printf 'locals {\n  name = "caf\351"\n}\n' > latin1/bad.tf
printf 'resource "aws_sqs_queue" "q" {\n  name = "ok"\n}\n' > latin1/good.tf
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: caf\351\n' > template.yaml
