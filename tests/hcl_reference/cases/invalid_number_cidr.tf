resource "a" "b" {
  cidr = 10.11.10.12/32
}
