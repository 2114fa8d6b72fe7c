a { x = 1 } # comment
