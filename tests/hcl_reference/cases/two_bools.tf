x = true false
