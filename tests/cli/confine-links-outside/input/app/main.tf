variable "cidr" {
  type    = string
  default = "10.0.0.0/8"
}

# cidr.json, terraform.tfvars and net/ are links that before.sh makes: here each leads outside
# the scanned directory, so none is read; confine-links-inside links them inside it.
resource "aws_security_group" "from_file" {
  name   = "from-file"
  vpc_id = "vpc-1"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [jsondecode(file("${path.module}/cidr.json")).cidr]
  }
}

resource "aws_security_group" "from_var" {
  name   = "from-var"
  vpc_id = "vpc-1"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}

module "net" {
  source = "./net"
}
