x = f(a, b,)
