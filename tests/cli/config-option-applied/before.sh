# The shared input: two functions reserving 500 concurrent executions each.
cp -R "$(dirname "$0")/../../data/cli/two-reservations/." .
