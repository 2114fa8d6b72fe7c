# The same secrets in secret_text bindings: Cloudflare encrypts them and never shows them again.

variable "upstream_token" {
  type      = string
  sensitive = true
}

resource "random_password" "signing" {
  length = 32
}

resource "cloudflare_worker_script" "v4" {
  account_id = "f037e56e89293a057740de681ac9abbe"
  name       = "proxy"
  content    = "export default { fetch() { return new Response('ok') } }"

  secret_text_binding {
    name = "UPSTREAM_TOKEN"
    text = var.upstream_token
  }
}

resource "cloudflare_workers_script" "v5" {
  account_id  = "f037e56e89293a057740de681ac9abbe"
  script_name = "signer"
  content     = "export default { fetch() { return new Response('ok') } }"
  bindings = [{
    name = "SIGNING_KEY"
    type = "secret_text"
    text = random_password.signing.result
  }]
}
