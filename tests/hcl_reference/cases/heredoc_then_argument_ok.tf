locals {
  x = <<EOT
abc
EOT
  y = 2
  z = <<-EOT
    def
    EOT
}
