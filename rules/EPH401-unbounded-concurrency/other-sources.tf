# A function that invokes another (granted lambda:InvokeFunction on it), a Transfer Family
# workflow step, a CloudWatch alarm action: each can burst into the function (medium).
locals {
  role = "arn:aws:iam::123456789012:role/fn"
}

resource "aws_iam_role" "dispatcher" {
  name = "dispatcher"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "dispatcher" {
  role = aws_iam_role.dispatcher.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "lambda:InvokeFunction", Resource = aws_lambda_function.job.arn }]
  })
}

resource "aws_lambda_function" "dispatcher" { # expect: EPH401 [low] "no trigger in this code"
  function_name = "dispatcher"
  role          = aws_iam_role.dispatcher.arn
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "dispatcher.zip"
}

resource "aws_lambda_function" "job" { # expect: EPH401 [medium] "Lambda function aws_lambda_function.dispatcher"
  function_name = "job"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "job.zip"
}

resource "aws_transfer_workflow" "scan" {
  steps {
    type = "CUSTOM"
    custom_step_details {
      name   = "scan"
      target = aws_lambda_function.scanner.arn
    }
  }
}

resource "aws_lambda_function" "scanner" { # expect: EPH401 [medium] "Transfer Family workflow aws_transfer_workflow.scan"
  function_name = "scanner"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "scanner.zip"
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "errors"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  metric_name         = "Errors"
  namespace           = "AWS/Lambda"
  period              = 60
  statistic           = "Sum"
  threshold           = 1
  alarm_actions       = [aws_lambda_function.pager.arn]
}

resource "aws_lambda_function" "pager" { # expect: EPH401 [medium] "CloudWatch alarm aws_cloudwatch_metric_alarm.errors"
  function_name = "pager"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "pager.zip"
}

# A custom Config rule evaluated per configuration change can burst (a deployment changes
# hundreds of resources at once); one evaluated only periodically is a schedule.
resource "aws_config_config_rule" "tags" {
  name = "required-tags"
  source {
    owner             = "CUSTOM_LAMBDA"
    source_identifier = aws_lambda_function.tag_checker.arn
    source_detail {
      message_type = "ConfigurationItemChangeNotification"
    }
  }
}

resource "aws_lambda_function" "tag_checker" { # expect: EPH401 [medium] "AWS Config rule aws_config_config_rule.tags"
  function_name = "tag-checker"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "tags.zip"
}

resource "aws_config_config_rule" "keys" {
  name = "key-age"
  source {
    owner             = "CUSTOM_LAMBDA"
    source_identifier = aws_lambda_function.key_checker.arn
    source_detail {
      message_type                = "ScheduledNotification"
      maximum_execution_frequency = "TwentyFour_Hours"
    }
  }
}

resource "aws_lambda_function" "key_checker" {
  function_name = "key-checker"
  role          = local.role
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "keys.zip"
}
