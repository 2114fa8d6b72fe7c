x = 1 /* unclosed
