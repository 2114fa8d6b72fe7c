x = <<EOT
abc
