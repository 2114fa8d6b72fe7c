# Cloudflare Access policies that let an address skip the login: provider 4 blocks and
# provider 5 objects, a bypass and a non-identity (service auth) decision.

resource "cloudflare_access_policy" "office_v4" {
  application_id = "cb029e245cfdd66dc8d2e570d5dd3322"
  zone_id        = "0da42c8d2132a9ddaf714f9e7c920711"
  name           = "office bypass"
  precedence     = 1
  decision       = "bypass"

  include {
    ip = ["198.51.100.0/24"] # expect: EPH101 "Access policy (decision bypass)"
  }
}

resource "cloudflare_zero_trust_access_policy" "office_v5" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name       = "office bypass"
  decision   = "bypass"
  include = [
    { ip = { ip = "203.0.113.7/32" } }, # expect: EPH101 "lets callers from 203.0.113.7/32 in"
    { ip_list = { id = "aa0a4aab-672b-4bdb-bc33-a59f1130a11f" } }, # expect: EPH101 "identity rule"
  ]
}

resource "cloudflare_zero_trust_access_policy" "ci" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name       = "ci runners"
  decision   = "non_identity"
  include = [{ ip = { ip = "192.0.2.0/28" } }] # expect: EPH101 "decision non_identity"
  require = [{ geo = { country_code = "DE" } }]
}

# Provider 5: a policy written inline in the application.
resource "cloudflare_zero_trust_access_application" "status" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name       = "Status page"
  type       = "self_hosted"
  domain     = "status.example.com"
  policies = [{
    name     = "monitoring"
    decision = "bypass"
    include  = [{ ip = { ip = "192.0.2.100/32" } }] # expect: EPH101 "cloudflare_zero_trust_access_application.status"
  }]
}
