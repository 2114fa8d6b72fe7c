locals {
  a = "${"\q"}"
}
