# A Worker whose custom domain sits behind Cloudflare Access, still served on workers.dev:
# the workers.dev hostname skips the login.

resource "cloudflare_workers_script" "admin" {
  account_id  = "023e105f4ecef8ad9ca31a8372d0c353"
  script_name = "admin-api"
  content     = "export default { fetch() { return new Response('ok') } }"
}

resource "cloudflare_workers_script_subdomain" "admin" {
  account_id  = "023e105f4ecef8ad9ca31a8372d0c353"
  script_name = cloudflare_workers_script.admin.script_name
  enabled     = true # expect: EPH603 "reachable on workers.dev while its domain admin.example.com"
}

resource "cloudflare_workers_custom_domain" "admin" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  zone_id    = "0da42c8d2132a9ddaf714f9e7c920711"
  hostname   = "admin.example.com"
  service    = "admin-api"
}

resource "cloudflare_zero_trust_access_application" "admin" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name       = "Admin"
  type       = "self_hosted"
  domain     = "admin.example.com"
}

# Provider 5's Worker resource turns workers.dev on itself; its route is under a wildcard app.
resource "cloudflare_worker" "billing" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name       = "billing"
  subdomain = {
    enabled = true # expect: EPH603 "billing.internal.example.com"
  }
}

resource "cloudflare_workers_route" "billing" {
  zone_id = "0da42c8d2132a9ddaf714f9e7c920711"
  pattern = "billing.internal.example.com/*"
  script  = cloudflare_worker.billing.name
}

resource "cloudflare_zero_trust_access_application" "internal" {
  account_id   = "023e105f4ecef8ad9ca31a8372d0c353"
  name         = "Internal"
  type         = "self_hosted"
  destinations = [{ type = "public", uri = "*.internal.example.com" }]
}
