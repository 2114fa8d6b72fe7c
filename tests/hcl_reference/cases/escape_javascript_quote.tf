locals {
  t = "$merge([$, {\'userName\': 1}])"
}
