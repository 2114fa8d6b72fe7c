a {
  x = 1 # comment
  y = 2 // comment
  z = 3 /* c */
}
