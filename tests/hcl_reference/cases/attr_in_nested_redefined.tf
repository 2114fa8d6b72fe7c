a {
  b {
    x = 1
    x = 1
  }
}
