x = (
  a
)
