locals {
  a = "${~ x ~}"
  b = "%{~ if x ~}y%{~ endif ~}"
}
