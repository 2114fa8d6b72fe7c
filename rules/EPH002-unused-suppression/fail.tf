# ephemera:ignore EPH000 reason="nothing here fails to parse"
locals {
  name = "api"
}

// ephemera:ignore parse-error reason="slugs work too, and // comments"
locals {
  other = "x"
}
