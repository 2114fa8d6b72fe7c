module "back" {
  source = "../a" # expect: EPH004 "module cycle"
}
