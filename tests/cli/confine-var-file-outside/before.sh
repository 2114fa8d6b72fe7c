# --var-file names a file outside the scanned directory: the user's own, read as given.
cp "$(dirname "$0")/../confine-var-file-link/input/main.tf" .  # the module of confine-var-file-link
mkdir -p ../ci
printf 'cidr = "0.0.0.0/0"\n' > ../ci/prod.tfvars
