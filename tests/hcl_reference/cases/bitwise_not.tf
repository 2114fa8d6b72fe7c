locals {
  a = ~1
}
