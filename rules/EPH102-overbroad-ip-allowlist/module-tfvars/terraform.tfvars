admin_cidrs = ["198.51.100.0/24", "34.0.0.0/8"] # expect: EPH102 "module.firewall.aws_security_group.admin"
