# A pull request an attacker wrote: links from the scanned tree (this directory) to files and
# directories outside it (../outside, /etc, /proc), each holding what would give findings and
# a marker that must never appear in the output.
mkdir -p ../outside/net ../outside/stacks
printf '{"cidr": "0.0.0.0/0", "note": "OUTSIDE-SECRET-7f3a"}\n' > ../outside/cidr.json
printf 'cidr = "0.0.0.0/0" # OUTSIDE-SECRET-7f3a\n' > ../outside/terraform.tfvars
cat > ../outside/net/main.tf <<'TF'
resource "aws_security_group" "outside" {
  name   = "OUTSIDE-SECRET-7f3a"
  vpc_id = "vpc-1"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
TF
cp "$(dirname "$0")/../confine-outside-template.yaml" ../outside/stacks/template.yaml
cp "$(dirname "$0")/../../data/plan/serverless/plan.json" ../outside/plan.json
ln -s ../../outside/cidr.json app/cidr.json              # a file, through file()
ln -s ../../outside/terraform.tfvars app/terraform.tfvars # tfvars
ln -s ../../outside/net app/net                          # a local module source
ln -s ../../outside/plan.json app/plan.json              # a plan next to its configuration
ln -s ../outside/stacks stacks                           # a directory discovery would walk
ln -s /etc/hostname hostname.yaml                        # absolute
ln -s /proc/self/environ environ.json                    # the scanner's own environment
