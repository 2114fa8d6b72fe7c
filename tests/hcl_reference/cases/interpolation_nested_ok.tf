resource "a" "b" {
  x = "${var.a}-${
    var.b
  }"
  y = "a${"b"}c"
}
