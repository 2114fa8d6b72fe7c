a "b" {
  c = {
    d = [for x in y : x if x != ""]
    e = { for k, v in z : k => v... }
  }
  dynamic "f" {
    for_each = g
    content {
      h = f.value
    }
  }
}
