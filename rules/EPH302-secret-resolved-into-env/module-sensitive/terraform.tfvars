# A placeholder, not a literal secret: EPH301 stays quiet, EPH302 reports the sensitive input in the child module.
db_password = "changeme"
