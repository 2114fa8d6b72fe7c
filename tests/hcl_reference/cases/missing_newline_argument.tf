resource "a" "b" {
  y = 1 z = 2
}
