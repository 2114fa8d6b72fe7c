locals {
  name = "api"
}
