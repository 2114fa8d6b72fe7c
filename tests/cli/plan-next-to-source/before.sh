# The plan test data (tests/data/plan/serverless): a module with the plan JSON
# `terraform show -json` made of it, saved in the module's directory.
cp -R "$(dirname "$0")/../../data/plan/serverless/." .
