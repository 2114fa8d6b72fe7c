resource "aws_iam_role" "thumbnails" {
  name               = "thumbnails"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "s3" {
  role       = aws_iam_role.thumbnails.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "basic" {
  role       = aws_iam_role.thumbnails.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}
