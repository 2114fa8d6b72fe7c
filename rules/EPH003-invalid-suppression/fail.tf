# ephemera:ignore EPH000
locals {
  a = 1
}

# ephemera:ignore EPH999 reason="no such rule"
locals {
  b = 2
}

# ephemera:ignore EPH000 reason="migration" until=2020-01-31
locals {
  c = 3
}

# ephemera:ignore EPH000 reason="bad date" until=31/01/2030
locals {
  d = 4
}

# ephemera:ignore EPH000 reason="typo" untill=2030-01-01
locals {
  e = 5
}
