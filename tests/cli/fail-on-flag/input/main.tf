# ephemera:ignore EPH000 reason="stale"
locals {
  name = "api"
}
