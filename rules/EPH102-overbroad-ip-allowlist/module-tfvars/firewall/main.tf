variable "admin_cidrs" {
  type = list(string)
}

resource "aws_security_group" "admin" {
  name = "admin"
  ingress {
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}
