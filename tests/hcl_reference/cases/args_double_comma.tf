x = f(a,, b)
