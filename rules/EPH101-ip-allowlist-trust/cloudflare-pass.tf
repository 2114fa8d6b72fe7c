# The address narrows who may log in, but a login (or a service token) is still required.

resource "cloudflare_access_policy" "office_v4" {
  application_id = "cb029e245cfdd66dc8d2e570d5dd3322"
  zone_id        = "0da42c8d2132a9ddaf714f9e7c920711"
  name           = "office staff"
  precedence     = 1
  decision       = "allow"

  include {
    email_domain = ["example.com"]
  }

  require {
    ip = ["198.51.100.0/24"]
  }
}

resource "cloudflare_zero_trust_access_policy" "ci" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name       = "ci runners"
  decision   = "non_identity"
  include = [{ ip = { ip = "192.0.2.0/28" } }]
  require = [{ service_token = { token_id = "3a1f2c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b" } }]
}

variable "decision" {
  type = string
}

resource "cloudflare_zero_trust_access_policy" "unknown" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name       = "decided elsewhere"
  decision   = var.decision
  include = [{ ip = { ip = "203.0.113.7/32" } }]
}
