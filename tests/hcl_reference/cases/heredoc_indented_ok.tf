x = <<-EOT
  abc
  EOT
