locals {
  a = <<-EOT
  \d+ ' ; ~ @
  EOT
}
