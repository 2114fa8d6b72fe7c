x = "%{if a}b"
