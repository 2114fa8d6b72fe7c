# A suppression written inside a string is content, not a suppression.
locals {
  doc = "write ephemera:ignore EPH301 to suppress"
}
