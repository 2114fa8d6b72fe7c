# workers.dev off for the Access-gated Worker; on only for a public Worker with no Access in front.

resource "cloudflare_workers_script" "admin" {
  account_id  = "023e105f4ecef8ad9ca31a8372d0c353"
  script_name = "admin-api"
  content     = "export default { fetch() { return new Response('ok') } }"
}

resource "cloudflare_workers_script_subdomain" "admin" {
  account_id  = "023e105f4ecef8ad9ca31a8372d0c353"
  script_name = cloudflare_workers_script.admin.script_name
  enabled     = false
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

resource "cloudflare_worker" "site" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  name       = "site"
  subdomain = {
    enabled = true
  }
}

resource "cloudflare_workers_custom_domain" "site" {
  account_id = "023e105f4ecef8ad9ca31a8372d0c353"
  zone_id    = "0da42c8d2132a9ddaf714f9e7c920711"
  hostname   = "www.example.com"
  service    = cloudflare_worker.site.name
}
