for = 1
if = 2
in = 3
