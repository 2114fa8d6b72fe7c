# --var-file names a file of the scanned tree: it is confined like the tree's other files, so a
# link there leading out is refused (the pull request may have made it), and the scan says so.
mkdir -p ../outside
printf 'cidr = "0.0.0.0/0" # OUTSIDE-SECRET-7f3a\n' > ../outside/prod.tfvars
mkdir -p env
ln -s ../../outside/prod.tfvars env/prod.tfvars
