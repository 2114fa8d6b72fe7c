# A sensitive input placed into a plain_text binding: readable by anyone who can read the
# Worker's settings. Provider 4 blocks and provider 5 bindings.

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

  plain_text_binding {
    name = "UPSTREAM_TOKEN" # expect: EPH302 "secret_text"
    text = var.upstream_token
  }
}

resource "cloudflare_workers_script" "v5" {
  account_id  = "f037e56e89293a057740de681ac9abbe"
  script_name = "signer"
  content     = "export default { fetch() { return new Response('ok') } }"
  bindings = [{
    name = "SIGNING_KEY"
    type = "plain_text"
    text = random_password.signing.result # expect: EPH302 "plain_text binding SIGNING_KEY"
  }]
}
