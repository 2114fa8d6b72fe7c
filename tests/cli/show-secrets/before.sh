# The same module as cli/secrets-masked, scanned with --show-secrets.
cp -R "$(dirname "$0")/../secrets-masked/input/." .
