# Links that stay inside the scanned tree keep working: a file through file(), tfvars, a local
# module source, a template, a directory discovery walks, and a link from one root to another
# part of the tree through `..`. The module is confine-links-outside's.
mkdir -p app
cp "$(dirname "$0")/../confine-links-outside/input/app/main.tf" app/main.tf
ln -s ../shared/cidr.json app/cidr.json
ln -s ../shared/vars.tfvars.txt app/terraform.tfvars
ln -s ../shared/net app/net
ln -s shared/stacks stacks
ln -s template.yaml.txt shared/stacks/template.yaml
