x = <<EOT
abc
EOT
