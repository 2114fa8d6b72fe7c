# The shared input, with a suppression of a rule the scan skips: not reported as unused.
{ echo '# ephemera:ignore EPH401 reason="bounded by the queue"'; cat "$(dirname "$0")/../../data/cli/lambda-with-secret/main.tf"; } > main.tf
