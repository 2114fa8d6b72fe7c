# The shared input: a Lambda function with a literal secret and no concurrency ceiling.
cp -R "$(dirname "$0")/../../data/cli/lambda-with-secret/." .
