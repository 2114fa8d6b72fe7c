resource "aws_elasticsearch_domain" "search" {
  domain_name = "search"
}

resource "aws_elasticsearch_domain_policy" "search" {
  domain_name     = aws_elasticsearch_domain.search.domain_name
  access_policies = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": "es:*",
      "Resource": "arn:aws:es:eu-west-1:111122223333:domain/search/*",
      "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}
    }
  ]
}
POLICY
}
