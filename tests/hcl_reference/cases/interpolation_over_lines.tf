x = "a ${b
  } c"
