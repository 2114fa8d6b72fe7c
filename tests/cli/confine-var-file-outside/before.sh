# --var-file names a file outside the scanned directory: the user's own, read as given.
mkdir -p ../ci
printf 'cidr = "0.0.0.0/0"\n' > ../ci/prod.tfvars
