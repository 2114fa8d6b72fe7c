x = a.b.
