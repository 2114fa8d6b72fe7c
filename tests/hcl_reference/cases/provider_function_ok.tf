x = provider::aws::arn_parse("a")
