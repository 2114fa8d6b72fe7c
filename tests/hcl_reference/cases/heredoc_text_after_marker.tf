x = <<EOT abc
EOT
