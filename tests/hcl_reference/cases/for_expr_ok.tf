x = [for a in b : a if a]
