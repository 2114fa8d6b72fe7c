variable "vpc_id" {
  type = string
}

variable "anywhere" {
  type    = string
  default = "0.0.0.0/0" # expect: X103
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = var.vpc_id
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: X103
  }
  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = ["::/0"] # expect: X103
  }
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = [var.anywhere]
}

resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0" # expect: X103
}

resource "aws_vpc_security_group_ingress_rule" "web_and_more" {
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 8080
  cidr_ipv4         = "0.0.0.0/0" # expect: X103
}

resource "aws_default_security_group" "default" {
  vpc_id = var.vpc_id
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "udp"
    cidr_blocks = ["0.0.0.0/0"] # expect: X103
  }
}
